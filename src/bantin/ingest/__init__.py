"""Reading raw inputs: files, encodings, boilerplate, dates."""
