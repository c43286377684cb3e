/// libFuzzer's driver, started from a fuzz target's entry point.
///
/// SwiftPM links an executable target on Linux with `main` defined as `<Target>_main`, so
/// libFuzzer's own `main` is never used; each target defines that function and calls ``run``,
/// which hands the command line to `LLVMFuzzerRunDriver` (part of libFuzzer since LLVM 11).
public enum FuzzDriver {
    /// The signature of `LLVMFuzzerTestOneInput`.
    public typealias TestOneInput = @convention(c) (UnsafeRawPointer, Int) -> CInt

    /// Runs libFuzzer with the process's arguments (corpus folders, `-max_total_time=60`, …).
    public static func run(_ argc: CInt, _ argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?, _ test: TestOneInput) -> CInt {
        var count = argc
        var arguments = argv
        return LLVMFuzzerRunDriver(&count, &arguments, test)
    }
}

@_silgen_name("LLVMFuzzerRunDriver")
private func LLVMFuzzerRunDriver(_ argc: UnsafeMutablePointer<CInt>,
                                 _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
                                 _ test: FuzzDriver.TestOneInput) -> CInt
