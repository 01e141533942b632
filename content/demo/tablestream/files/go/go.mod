module github.com/hanhai-data/tablestream/go

go 1.22
