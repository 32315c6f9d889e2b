import Foundation
#if canImport(Glibc)
import Glibc
#endif
@testable import Scenario

/// A scenario folder written into a fresh temporary directory, removed when the fixture is released.
final class Fixture {
    /// The folder's path.
    let folder: String

    /// The files of a small valid scenario, as text.
    static let valid: [String: String] = [
        "scenario.yaml": """
        name: small
        mode: one-to-many:2
        waves:
          - id: w1
            date: 2022-09-16
            quotas: {province: 5, county: 10}
            region_quotas: {haikou: 3}
          - id: w2
            date: 2022-10-01
            group_quotas: {gongxin: 2}
        groups:
          - id: gongxin
            name: 工信和建筑业组
            categories: [规模以上工业企业, 建筑业企业]
        weights:
          halted: 500
        rules:
          min_rank_by_kind: {park: division}
        indicators:
          - id: sishang
            name: 四上企业服务覆盖率
            categories: [规模以上工业企业]
            level: 省级

        """,
        "regions.csv": """
        id,name,lat,lon
        haikou,海口,20.04,110.32
        sanya,三亚,,

        """,
        "cadres.csv": """
        id,name,level,rank,group,region,unit,skills,capacity,earliest_wave
        c1,张三,province,处,gongxin,haikou,省工信厅,建筑业企业;规模以上工业企业,,
        c2,李四,市县,处级,,sanya,,,2,w2
        c3,王五,county,division,,sanya,,,,

        """,
        "targets.csv": """
        id,name,kind,category,level,region,priority,urgent,halted,demand,min_rank,workload,consent,supervisor
        t1,海口工厂,企业,规模以上工业企业,province,haikou,5,是,no,2,division,1,TRUE,省工信厅
        t2,三亚园区,park,园区,county,sanya,,,,,,,,

        """,
        "pairs.csv": """
        cadre,target,forbidden,cost,workload,reason
        c1,t1,false,7,,熟悉

        """,
        "pins.csv": """
        cadre,target,wave
        c2,t2,w2

        """,
    ]

    /// Writes the valid scenario with `overrides` applied: a text replaces a file, nil deletes it.
    init(_ overrides: [String: String?] = [:]) throws {
        folder = NSTemporaryDirectory() + "cadreplan-scenario-tests-" + UUID().uuidString
        try FileManager.default.createDirectory(atPath: folder, withIntermediateDirectories: true)
        var files = Self.valid.mapValues { Optional($0) }
        for (name, text) in overrides { files[name] = text }
        for (name, text) in files {
            if let text { try write(name, Array(text.utf8)) }
        }
    }

    deinit { try? FileManager.default.removeItem(atPath: folder) }

    /// Writes raw bytes to `name` in the folder.
    func write(_ name: String, _ bytes: [UInt8]) throws {
        try Data(bytes).write(to: URL(fileURLWithPath: folder + "/" + name))
    }

    /// The folder's problems.
    var errors: [InputError] { ScenarioLoader.validate(folder: folder) }
}

/// `text` encoded as GB18030 by iconv, as Excel/WPS on a Chinese system would save it.
func gb18030(_ text: String) -> [UInt8] {
    let cd = iconv_open("GB18030", "UTF-8")
    guard let cd, Int(bitPattern: cd) != -1 else { return [] }
    defer { iconv_close(cd) }
    var input = Array(text.utf8)
    var output = [UInt8](repeating: 0, count: input.count * 2 + 16)
    let written = input.withUnsafeMutableBufferPointer { inBuf in
        output.withUnsafeMutableBufferPointer { outBuf -> Int in
            guard let inBase = inBuf.baseAddress, let outBase = outBuf.baseAddress else { return 0 }
            var inPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(inBase).assumingMemoryBound(to: CChar.self)
            var outPtr: UnsafeMutablePointer<CChar>? = UnsafeMutableRawPointer(outBase).assumingMemoryBound(to: CChar.self)
            var inLeft = inBuf.count, outLeft = outBuf.count
            _ = iconv(cd, &inPtr, &inLeft, &outPtr, &outLeft)
            return outBuf.count - outLeft
        }
    }
    return Array(output[..<written])
}

/// Replaces the first occurrence of `old` by `new` in the valid fixture's `file`.
func valid(_ file: String, replacing old: String, with new: String) -> String {
    let text = Fixture.valid[file] ?? ""
    guard let range = text.range(of: old) else { return text + "\n# fixture edit failed: \(old)\n" }
    return text.replacingCharacters(in: range, with: new)
}
