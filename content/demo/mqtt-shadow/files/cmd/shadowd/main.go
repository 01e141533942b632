package main

import (
	"flag"
	"log"
)

func main() {
	broker := flag.String("broker", "tcp://localhost:1883", "MQTT 5 broker URL")
	flag.Parse()
	log.Printf("shadowd connecting to %s", *broker)
}
