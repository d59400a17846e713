// oneway and async (deprecated alias of oneway) functions
service Notifier {
  oneway void notify(1: string message)
  async void legacyNotify(1: string message)
  oneway void noArgs()
  void normal()
  oneway i32 nonVoidOnewayOnlyWarns()
}
