module github.com/ziii-oss/idlink-resolver

go 1.22
