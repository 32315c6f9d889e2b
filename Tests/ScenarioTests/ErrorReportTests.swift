import Foundation
import Testing
@testable import Scenario

/// The single error of a folder that should have exactly one problem.
private func onlyError(_ overrides: [String: String?], sourceLocation: SourceLocation = #_sourceLocation) throws -> InputError {
    let fixture = try Fixture(overrides)
    let errors = fixture.errors
    #expect(errors.count == 1, "expected one error, got:\n\(InputErrors(errors))", sourceLocation: sourceLocation)
    return try #require(errors.first, sourceLocation: sourceLocation)
}

/// Asserts `error` is in `file` at `line`:`column` (with `columnName`) and its message contains `fragment`.
private func expectError(
    _ error: InputError, file: String, line: Int?, column: Int?, columnName: String? = nil, _ fragment: String,
    sourceLocation: SourceLocation = #_sourceLocation
) {
    #expect(error.file.hasSuffix("/" + file), "file of \(error)", sourceLocation: sourceLocation)
    #expect(error.line == line, "line of \(error)", sourceLocation: sourceLocation)
    #expect(error.column == column, "column of \(error)", sourceLocation: sourceLocation)
    if let columnName { #expect(error.columnName == columnName, "column name of \(error)", sourceLocation: sourceLocation) }
    #expect(error.message.contains(fragment), "message of \(error)", sourceLocation: sourceLocation)
}

@Suite("Each kind of bad input gives one precise error")
struct ErrorReportTests {
    @Test func missingRequiredFile() throws {
        let e = try onlyError(["cadres.csv": nil])
        expectError(e, file: "cadres.csv", line: nil, column: nil, "file not found")
    }

    @Test func missingScenarioFolder() {
        let errors = ScenarioLoader.validate(folder: "/nonexistent/cadreplan/folder")
        #expect(errors.count == 1)
        #expect(errors.first?.message.contains("folder not found") == true)
    }

    @Test func missingRequiredColumn() throws {
        let e = try onlyError(["cadres.csv": """
            id,name,level,rank,group,unit,skills,capacity,earliest_wave
            c1,张三,province,处,gongxin,省工信厅,规模以上工业企业,,
            c2,李四,county,处,,,,2,w2
            c3,王五,county,处,,,,,

            """, "pins.csv": nil])
        // Located at the end of the header line (9 columns: the 10th is where it would go).
        expectError(e, file: "cadres.csv", line: 1, column: 10, columnName: "region", "missing required column 'region'")
    }

    @Test func unknownColumn() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon,colour\nhaikou,海口,20,110,red\nsanya,三亚,,,\n"])
        expectError(e, file: "regions.csv", line: 1, column: 5, columnName: "colour", "unknown column 'colour'")
    }

    @Test func badInteger() throws {
        let e = try onlyError(["targets.csv": valid("targets.csv", replacing: "no,2,division", with: "no,two,division")])
        expectError(e, file: "targets.csv", line: 2, column: 10, columnName: "demand", "expected an integer from 1 to 10000, found 'two'")
    }

    @Test func priorityOutOfRange() throws {
        let e = try onlyError(["targets.csv": valid("targets.csv", replacing: "haikou,5,", with: "haikou,7,")])
        expectError(e, file: "targets.csv", line: 2, column: 7, columnName: "priority", "expected an integer from 1 to 5, found '7'")
    }

    @Test func badBoolean() throws {
        let e = try onlyError(["targets.csv": valid("targets.csv", replacing: ",是,no,", with: ",maybe,no,")])
        expectError(e, file: "targets.csv", line: 2, column: 8, columnName: "urgent", "expected true or false")
        #expect(e.message.contains("found 'maybe'"))
    }

    @Test func badRank() throws {
        let e = try onlyError(["cadres.csv": valid("cadres.csv", replacing: "province,处,", with: "province,科长,")])
        expectError(e, file: "cadres.csv", line: 2, column: 4, columnName: "rank", "expected bureau, division or section")
        #expect(e.message.contains("found '科长'"))
    }

    @Test func unknownRegionReference() throws {
        let e = try onlyError(["cadres.csv": valid("cadres.csv", replacing: ",gongxin,haikou,", with: ",gongxin,danzhou,")])
        expectError(e, file: "cadres.csv", line: 2, column: 6, columnName: "region", "unknown region 'danzhou'")
        #expect(e.message.contains("haikou, sanya"))
    }

    @Test func duplicateID() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon\nhaikou,海口,20.04,110.32\nsanya,三亚,,\nhaikou,海口市,,\n"])
        expectError(e, file: "regions.csv", line: 4, column: 1, columnName: "id", "duplicate id 'haikou': first defined at line 2")
    }

    @Test func unterminatedQuote() throws {
        let e = try onlyError(["cadres.csv": valid("cadres.csv", replacing: "c2,李四,", with: "c2,\"李四,")])
        expectError(e, file: "cadres.csv", line: 3, column: 2, "unterminated quoted field")
    }

    @Test func textAfterClosingQuote() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon\nhaikou,\"海口\"市,20.04,110.32\nsanya,三亚,,\n"])
        expectError(e, file: "regions.csv", line: 2, column: 2, "found '市'")
    }

    @Test func tooManyFields() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon\nhaikou,海口,20.04,110.32\nsanya,三亚,,,extra\n"])
        expectError(e, file: "regions.csv", line: 3, column: 5, "row has 5 fields but the header has 4 columns")
    }

    @Test func yamlSyntax() throws {
        let e = try onlyError(["scenario.yaml": "name: small\nwaves:\n  - id: w1\n    date: 2022-09-16\n   bad: [1, 2\n"])
        // The badly indented `bad:` breaks the list of waves where it starts.
        expectError(e, file: "scenario.yaml", line: 5, column: 4, "invalid YAML: did not find expected '-' indicator")
    }

    @Test func yamlSyntaxMappingInScalar() throws {
        let e = try onlyError(["scenario.yaml": "name: small: x\nwaves:\n  - {id: w1, date: 2022-09-16}\n"])
        expectError(e, file: "scenario.yaml", line: 1, column: 12, "invalid YAML: mapping values are not allowed")
    }

    @Test func yamlDuplicateKey() throws {
        let e = try onlyError(["scenario.yaml": "name: a\nname: b\nwaves:\n  - {id: w1, date: 2022-09-16}\n"])
        expectError(e, file: "scenario.yaml", line: 1, column: 1, "duplicate key 'name'")
    }

    @Test func yamlWrongType() throws {
        let yaml = valid("scenario.yaml", replacing: "quotas: {province: 5, county: 10}", with: "quotas: {province: many, county: 10}")
        let e = try onlyError(["scenario.yaml": yaml])
        expectError(e, file: "scenario.yaml", line: 6, column: 24, columnName: "waves.w1.quotas.province",
                    "expected an integer from 0 to 1000000000, found 'many'")
    }

    @Test func yamlListExpected() throws {
        let e = try onlyError(["scenario.yaml": "name: x\nwaves: 5\ngroups: [{id: gongxin, name: g}]\n", "cadres.csv": valid("cadres.csv", replacing: ",2,w2", with: ",2,"),
                               "pins.csv": nil])
        expectError(e, file: "scenario.yaml", line: 2, column: 8, columnName: "waves", "expected a list of waves, found '5'")
    }

    @Test func unknownYAMLKey() throws {
        let yaml = valid("scenario.yaml", replacing: "weights:\n  halted: 500", with: "weights:\n  halted: 500\n  distance: 3")
        let e = try onlyError(["scenario.yaml": yaml])
        expectError(e, file: "scenario.yaml", line: 17, column: 3, columnName: "weights", "unknown key 'distance'")
        #expect(e.message.contains("distance_km"))
    }

    @Test func badMode() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "one-to-many:2", with: "one-to-many:0")])
        expectError(e, file: "scenario.yaml", line: 2, column: 7, columnName: "mode", "expected one-to-one, one-to-many:M or one-to-one-first:M")
    }

    @Test func priorityWeightsNeedFive() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "  halted: 500", with: "  priority: [1, 2, 3]")])
        expectError(e, file: "scenario.yaml", line: 16, column: 13, columnName: "weights.priority", "expected exactly 5 weights")
    }

    @Test func datesNotIncreasing() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "2022-10-01", with: "2022-09-16")])
        expectError(e, file: "scenario.yaml", line: 9, column: 11, columnName: "waves.w2.date", "strictly increasing")
    }

    @Test func invalidCalendarDate() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "2022-10-01", with: "2022-02-30")])
        expectError(e, file: "scenario.yaml", line: 9, column: 11, "expected a date YYYY-MM-DD")
    }

    @Test func unknownGroupInQuotas() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "{gongxin: 2}", with: "{gongxing: 2}")])
        expectError(e, file: "scenario.yaml", line: 10, column: 20, "unknown group 'gongxing'")
    }

    @Test func unknownRegionInYAMLQuotas() throws {
        let e = try onlyError(["scenario.yaml": valid("scenario.yaml", replacing: "{haikou: 3}", with: "{haikuo: 3}")])
        expectError(e, file: "scenario.yaml", line: 7, column: 21, "unknown region 'haikuo'")
    }

    @Test func pinOfUnknownCadre() throws {
        let e = try onlyError(["pins.csv": "cadre,target,wave\nc9,t2,w2\n"])
        expectError(e, file: "pins.csv", line: 2, column: 1, columnName: "cadre", "unknown cadre 'c9'")
    }

    @Test func pinOverDemand() throws {
        let e = try onlyError(["pins.csv": "cadre,target,wave\nc2,t2,w2\nc3,t2,w2\n"])
        expectError(e, file: "pins.csv", line: 3, column: 2, columnName: "target", "has 2 pins but its demand is 1")
    }

    @Test func cadrePinnedInTwoWaves() throws {
        let e = try onlyError([
            "targets.csv": Fixture.valid["targets.csv", default: ""] + "t3,三亚工厂,enterprise,园区,county,sanya,,,,,,,,\n",
            "pins.csv": "cadre,target,wave\nc3,t2,w1\nc3,t3,w2\n",
        ])
        expectError(e, file: "pins.csv", line: 3, column: 3, columnName: "wave", "one wave only")
    }

    @Test func pairPinnedTwice() throws {
        let e = try onlyError(["pins.csv": "cadre,target,wave\nc2,t2,w2\nc2,t2,w2\n"])
        expectError(e, file: "pins.csv", line: 3, column: 2, "already pinned to target 't2' at line 2")
    }

    @Test func duplicatePairRow() throws {
        let e = try onlyError(["pairs.csv": "cadre,target,cost\nc1,t1,3\nc1,t1,4\n"])
        expectError(e, file: "pairs.csv", line: 3, column: 2, "duplicate pair (c1, t1): first given at line 2")
    }

    @Test func latitudeWithoutLongitude() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon\nhaikou,海口,20.04,\nsanya,三亚,,\n"])
        expectError(e, file: "regions.csv", line: 2, column: 4, columnName: "lon", "give both or neither")
    }

    @Test func latitudeOutOfRange() throws {
        let e = try onlyError(["regions.csv": "id,name,lat,lon\nhaikou,海口,200.04,110\nsanya,三亚,,\n"])
        expectError(e, file: "regions.csv", line: 2, column: 3, columnName: "lat", "expected a latitude from -90 to 90, found '200.04'")
    }

    @Test func emptyRequiredCell() throws {
        let e = try onlyError(["targets.csv": valid("targets.csv", replacing: "t2,三亚园区,park,园区,", with: "t2,三亚园区,park,,")])
        expectError(e, file: "targets.csv", line: 3, column: 4, columnName: "category", "found an empty cell")
    }

    @Test func emptyCSVFile() throws {
        let e = try onlyError(["regions.csv": ""])
        expectError(e, file: "regions.csv", line: 1, column: 1, "is empty")
    }
}

@Suite("Many problems are reported together")
struct ManyErrorsTests {
    @Test("errors in every file come back at once, in file then line order")
    func allFilesAtOnce() throws {
        let fixture = try Fixture([
            "scenario.yaml": valid("scenario.yaml", replacing: "mode: one-to-many:2", with: "mode: many\ncolour: red"),
            "regions.csv": "id,name,lat,lon\nhaikou,海口,north,110\nsanya,三亚,,\n",
            "cadres.csv": valid("cadres.csv", replacing: "c3,王五,county,division", with: "c3,王五,city,major"),
            "targets.csv": valid("targets.csv", replacing: "no,2,division,1,TRUE", with: "no,0,division,1,sure"),
            "pairs.csv": "cadre,target,cost\nc1,t1,-5\n",
            "pins.csv": "cadre,target,wave\nc2,t2,w7\n",
        ])
        let errors = fixture.errors
        let where_ = errors.map { e in "\((e.file as NSString).lastPathComponent):\(e.line ?? 0):\(e.column ?? 0)" }
        #expect(where_ == [
            "scenario.yaml:2:7", "scenario.yaml:3:1",
            "regions.csv:2:3",
            "cadres.csv:4:3", "cadres.csv:4:4",
            "targets.csv:2:10", "targets.csv:2:13",
            "pairs.csv:2:3",
            "pins.csv:2:3",
        ], "\(InputErrors(errors))")
        #expect(throws: InputErrors.self) { try ScenarioLoader.load(folder: fixture.folder) }
        do {
            _ = try ScenarioLoader.load(folder: fixture.folder)
        } catch {
            #expect(error.errors == errors)
            #expect(error.description.contains("scenario.yaml:2:7: mode: expected one-to-one"))
        }
    }

    @Test("every bad cell of one row is reported")
    func everyBadCell() throws {
        let fixture = try Fixture([
            "targets.csv": valid("targets.csv", replacing: "t1,海口工厂,企业,规模以上工业企业,province,haikou,5,是,no,2,division,1,TRUE",
                                 with: "t1,海口工厂,shop,规模以上工业企业,state,haikou,9,perhaps,no,-1,general,0,TRUE"),
            "pairs.csv": nil,
        ])
        let columns = fixture.errors.map { $0.columnName ?? "?" }
        #expect(columns == ["kind", "level", "priority", "urgent", "demand", "min_rank", "workload"])
    }

    @Test("a broken file does not cause follow-on unknown-reference errors")
    func noCascades() throws {
        let fixture = try Fixture(["regions.csv": "id,name\n\"haikou,海口\nsanya,三亚\n"])
        let errors = fixture.errors
        #expect(errors.count == 1, "\(InputErrors(errors))")
        #expect(errors.first?.message.contains("unterminated") == true)
    }
}

@Suite("More pin and YAML rules")
struct MoreRuleTests {
    @Test func controlCharacterInYAML() throws {
        let fixture = try Fixture(["scenario.yaml": "name: x\nwaves:\n  - {id: w1, date: 2022-09-16}\nbad: \u{07}\n"])
        let errors = fixture.errors
        #expect(errors.count == 1, "\(InputErrors(errors))")
        #expect(errors.first?.line == 4)
        #expect(errors.first?.message.contains("invalid YAML") == true)
    }

    @Test func emptyYAML() throws {
        let fixture = try Fixture(["scenario.yaml": "# nothing yet\n"])
        #expect(fixture.errors.first?.message.contains("is empty") == true)
    }

    @Test func missingRequiredYAMLKey() throws {
        let fixture = try Fixture(["scenario.yaml": "waves:\n  - {id: w1, date: 2022-09-16}\n  - {id: w2, date: 2022-10-01}\ngroups: [{id: gongxin, name: g}]\n",
                                   ])
        let errors = fixture.errors
        #expect(errors.count == 1, "\(InputErrors(errors))")
        #expect(errors.first?.message.contains("missing required key 'name'") == true)
        #expect(errors.first?.line == 1 && errors.first?.column == 1)
    }

    @Test func duplicateHeaderInScenarioFile() throws {
        let fixture = try Fixture(["regions.csv": "id,name,Name\nhaikou,海口,x\nsanya,三亚,y\n"])
        let errors = fixture.errors
        #expect(errors.map { "\($0.line ?? 0):\($0.column ?? 0)" } == ["1:3"], "\(InputErrors(errors))")
    }
}
