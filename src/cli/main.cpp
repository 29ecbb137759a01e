// Entry point of the codeanatomy command line.
int main() { return 0; }
