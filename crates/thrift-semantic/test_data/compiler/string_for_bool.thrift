const bool B = "true"
