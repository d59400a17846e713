struct A {}
service A {}
