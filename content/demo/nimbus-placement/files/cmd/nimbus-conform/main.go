package main

import (
	"flag"
	"fmt"
	"os"
)

func main() {
	engine := flag.String("engine", "", "base URL of the placement engine under test")
	flag.Parse()
	if *engine == "" {
		fmt.Fprintln(os.Stderr, "nimbus-conform: --engine is required")
		os.Exit(2)
	}
}
