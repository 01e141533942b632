module github.com/edgehive/mqtt-shadow

go 1.23

require github.com/eclipse/paho.golang v0.21.0
