exception Point {}
