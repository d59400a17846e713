struct B {}
service A extends B {}
