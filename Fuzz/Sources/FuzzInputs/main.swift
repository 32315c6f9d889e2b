import Foundation

// The program's entry point hands over to libFuzzer's driver (`-sanitize=fuzzer` links it in):
// SwiftPM gives every executable its own `main`, so libFuzzer's is not used, and the driver is
// started here with the command line as given (corpus folders, -max_total_time=…, …).

/// libFuzzer's driver: parses the flags and runs `callback` on generated inputs.
@_silgen_name("LLVMFuzzerRunDriver")
func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<CInt>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>, Int) -> CInt
) -> CInt

var argc = CommandLine.argc
var argv: UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>? = CommandLine.unsafeArgv
exit(LLVMFuzzerRunDriver(&argc, &argv, fuzzInputs))
