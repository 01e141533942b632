"""Validate model cards against schema/modelcard.schema.json."""
import json
import sys

import jsonschema
import yaml


def main(paths):
    with open("schema/modelcard.schema.json", encoding="utf-8") as f:
        schema = json.load(f)
    for path in paths:
        with open(path, encoding="utf-8") as f:
            jsonschema.validate(yaml.safe_load(f), schema)
        print(f"ok  {path}")


if __name__ == "__main__":
    main(sys.argv[1:])
