@main struct Referat { static func main() {} }
