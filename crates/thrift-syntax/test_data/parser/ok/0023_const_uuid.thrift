// uuid constants with and without braces (Apache Thrift 0.18+)
const uuid PLAIN = "00000000-4444-CCCC-ffff-0123456789ab"
const uuid BRACED = '{00112233-4455-6677-8899-aaBBccDDeeFF}'
const list<uuid> UUIDS = ["5e2ab188-1726-4e75-a04f-1ed9a6a89c4c", "{5e2ab188-1726-4e75-a04f-1ed9a6a89c4c}"]

struct HasUuid {
  1: uuid id = "5e2ab188-1726-4e75-a04f-1ed9a6a89c4c"
}
