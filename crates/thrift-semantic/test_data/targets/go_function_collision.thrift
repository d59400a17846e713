// targets: go@0.17 thriftgo
service Users {
  void get_user()
  void getUser()
}
