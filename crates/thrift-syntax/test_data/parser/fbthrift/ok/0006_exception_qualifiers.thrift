// exception qualifiers
safe exception A {}
transient exception B { 1: string message }
safe stateful client exception C {}
permanent server exception D {}
exception E {}
