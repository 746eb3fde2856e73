-- The reader for CloudTrail files: each file is one JSON object {"Records": [...]}, gzip or plain.
-- CloudTrail files can be large (hundreds of MB uncompressed), hence the raised object size.
read_json({{files}}, columns = {Records: '{{recordType}}'}, format = 'unstructured', filename = true, maximum_object_size = 1073741824)
