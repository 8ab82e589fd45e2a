"""Independent oracle for envoy-schema: protobuf's own JSON printer.

Usage: protobuf_json.py DESCRIPTOR_SET MESSAGE INPUT_JSON
Parses INPUT_JSON (Envoy's admin output, proto field names) as MESSAGE with the Python protobuf
runtime, using the messages of DESCRIPTOR_SET (a serialized FileDescriptorSet, the same one
envoy-schema's tables come from), and prints it back with protobuf JSON names (lowerCamelCase),
four-space indentation. Exit status 1 with a message on stderr if the input does not parse.
"""

import sys

from google.protobuf import descriptor_pb2, descriptor_pool, json_format, message_factory


def load_pool(path):
    with open(path, "rb") as f:
        file_set = descriptor_pb2.FileDescriptorSet.FromString(f.read())
    by_name = {file.name: file for file in file_set.file}
    pool = descriptor_pool.DescriptorPool()
    added = set()

    def add(name):
        # A file can only be added after the files it imports.
        if name in added:
            return
        added.add(name)
        for dependency in by_name[name].dependency:
            add(dependency)
        pool.Add(by_name[name])

    for name in by_name:
        add(name)
    return pool


def main():
    descriptor_set, message_name, input_path = sys.argv[1:4]
    pool = load_pool(descriptor_set)
    message_class = message_factory.GetMessageClass(pool.FindMessageTypeByName(message_name))
    with open(input_path, encoding="utf-8") as f:
        text = f.read()
    try:
        message = json_format.Parse(text, message_class(), descriptor_pool=pool)
    except json_format.ParseError as e:
        print(f"protobuf cannot parse {input_path}: {e}", file=sys.stderr)
        sys.exit(1)
    print(
        json_format.MessageToJson(
            message,
            preserving_proto_field_name=False,
            indent=4,
            descriptor_pool=pool,
            ensure_ascii=False,
        )
    )


if __name__ == "__main__":
    main()
