using System.Text.Json;
using Marketplace.Cli;
using Shouldly;

namespace Marketplace.Skills.Tests;

/// <summary>The CLI, run in-process through its entry with the test taxonomy.</summary>
public sealed class CliTests : IDisposable
{
    private readonly string _dir = Directory.CreateTempSubdirectory("marketplace-cli-").FullName;

    public void Dispose() => Directory.Delete(_dir, recursive: true);

    private static (int Code, string Out, string Err) Run(string stdin, params string[] args)
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        int code = new CliApp(() => TestTaxonomy.Value).Run(args, new StringReader(stdin), output, error);
        return (code, output.ToString(), error.ToString());
    }

    private string File(string name, string content)
    {
        string path = Path.Combine(_dir, name);
        System.IO.File.WriteAllText(path, content);
        return path;
    }

    private const string Profile = """
        { "id": "anna", "seniority": "senior",
          "skills": [ { "skill": "ASP.NET Core", "level": 4, "years": 5 }, { "skill": "mysql", "level": 4 },
                      { "skill": "RabbitMQ", "level": 3 }, { "skill": "docker", "level": 3 } ],
          "preferences": { "remote": "hybrid", "country": "DE", "city": "Hamburg", "willingToRelocate": false, "minSalary": 70000 } }
        """;

    private const string Posting = """
        { "id": "backend-dotnet", "seniority": "senior", "workMode": "hybrid", "country": "DE", "city": "Berlin",
          "required": [ { "skill": "C#", "minLevel": 4, "weight": 2 }, { "skill": "aspnet-core", "minLevel": 3, "weight": 2 },
                        { "skill": "postgres", "minLevel": 3 }, { "skill": "Apache Kafka", "minLevel": 2 } ],
          "niceToHave": [ { "skill": "k8s", "minLevel": 2 }, { "skill": "Docker", "minLevel": 2 } ],
          "salary": { "min": 60000, "max": 80000 } }
        """;

    [Fact]
    public void Skills_normalize_writes_mention_tab_id_with_empty_ids_for_unknowns()
    {
        var (code, output, _) = Run("C#\npostgres\nCobol\n\nJava 17\n", "skills", "normalize");
        code.ShouldBe(0);
        output.ShouldBe("C#\tcsharp\npostgres\tpostgresql\nCobol\t\n\t\nJava 17\tjava\n");
    }

    [Fact]
    public void Skills_normalize_writes_the_skills_of_a_compound_mention_comma_separated_in_order()
    {
        var (code, output, _) = Run("C#/.NET\nAWS (EC2, S3)\nHTML/CSS/JavaScript\nJava/Cobol\n", "skills", "normalize");
        code.ShouldBe(0);
        output.ShouldBe("C#/.NET\tcsharp,dotnet\nAWS (EC2, S3)\taws,aws-ec2,aws-s3\nHTML/CSS/JavaScript\thtml,css,javascript\nJava/Cobol\tjava\n");
    }

    [Fact]
    public void Skills_extract_writes_one_id_per_line_once_each()
    {
        var (code, output, _) = Run("Senior C# dev. C#, Node.js and 5 years of Go; go to lunch.", "skills", "extract");
        code.ShouldBe(0);
        output.ShouldBe("csharp\nnodejs\ngo\n");
        Run("C# and C#", "skills", "extract", "--positions").Out.ShouldBe("csharp\t0\t2\tC#\ncsharp\t7\t2\tC#\n");
        Run("", "skills", "extract").Out.ShouldBeEmpty();
    }

    [Fact]
    public void Match_explain_prints_the_score_and_its_explanation()
    {
        var (code, output, err) = Run("", "match", "explain", "--profile", File("p.json", Profile), "--posting", File("j.json", Posting));
        err.ShouldBeEmpty();
        code.ShouldBe(0);
        output.ShouldStartWith("Score: 75.75 / 100 for profile 'anna' and posting 'backend-dotnet'");
        output.ShouldContain("Inferred    C# (required, level 4+, weight 2): inferred from ASP.NET Core (level 4), credit 0.8, 18.67 points");
        output.ShouldContain("Related     PostgreSQL (required, level 3+, weight 1): related via MySQL (level 4, similarity 0.5)");
        output.ShouldContain("Missing     Kubernetes");
        output.ShouldNotContain("Hard mismatches");
    }

    [Fact]
    public void Match_explain_json_is_machine_readable()
    {
        var (code, output, _) = Run("", "match", "explain", "--json", "--profile", File("p.json", Profile), "--posting", File("j.json", Posting));
        code.ShouldBe(0);
        using var doc = JsonDocument.Parse(output);
        doc.RootElement.GetProperty("score").GetDouble().ShouldBe(75.75, 1e-9);
        doc.RootElement.GetProperty("skills")[0].GetProperty("kind").GetString().ShouldBe("inferred");
        doc.RootElement.GetProperty("parts").GetArrayLength().ShouldBe(5);
    }

    [Theory]
    [InlineData("{ \"id\": \"anna\", \"skills\": [ { \"skill\": ", "not a valid profile JSON file")]
    [InlineData("null", "holds null")]
    [InlineData("[1, 2]", "not a valid profile JSON file")]
    [InlineData("{ \"skills\": [ { \"skill\": \"C#\", \"level\": \"four\" } ] }", "$.skills[0].level")]
    [InlineData("{ \"skills\": [ { \"skill\": \"Cobol\", \"level\": 3 } ] }", "$.skills[0].skill 'Cobol' is not a known skill")]
    [InlineData("{ \"skills\": [ { \"skill\": \"C#\", \"level\": 9 } ] }", "$.skills[0].level must be 1 to 5 (was 9)")]
    [InlineData("{ \"preferences\": { \"remote\": \"sometimes\" } }", "$.preferences.remote must be one of any, remote, hybrid, on-site, onsite (was 'sometimes')")]
    public void A_bad_profile_file_gives_a_clear_error_and_exit_code_2(string profile, string message)
    {
        var (code, output, err) = Run("", "match", "explain", "--profile", File("bad.json", profile), "--posting", File("j.json", Posting));
        code.ShouldBe(2);
        output.ShouldBeEmpty();
        err.ShouldStartWith("error: ");
        err.ShouldContain(message);
        err.ShouldNotContain("   at ");
    }

    [Fact]
    public void Missing_files_and_arguments_give_exit_code_2()
    {
        Run("", "match", "explain", "--profile", Path.Combine(_dir, "nope.json"), "--posting", File("j.json", Posting)).ShouldSatisfyAllConditions(
            r => r.Code.ShouldBe(2), r => r.Err.ShouldContain("cannot read the profile file"));
        Run("", "match", "explain", "--profile").ShouldSatisfyAllConditions(r => r.Code.ShouldBe(2), r => r.Err.ShouldContain("--profile needs a value"));
        Run("", "match", "explain", "--posting", "x").Err.ShouldContain("--profile is required");
        Run("", "skills", "frobnicate").ShouldSatisfyAllConditions(r => r.Code.ShouldBe(2), r => r.Err.ShouldContain("unknown command 'skills frobnicate'"));
        Run("", []).Code.ShouldBe(2);
        Run("", "skills", "normalize", "--what").Code.ShouldBe(2);
    }

    [Fact]
    public void A_bad_posting_reports_every_problem()
    {
        const string posting = """{ "required": [ { "skill": "Cobol" }, { "skill": "C#", "weight": 0 } ], "workMode": "moon", "salary": { "min": 9, "max": 1 } }""";
        var (code, _, err) = Run("", "match", "explain", "--profile", File("p.json", Profile), "--posting", File("j.json", posting));
        code.ShouldBe(2);
        err.ShouldContain("$.required[0].skill 'Cobol' is not a known skill");
        err.ShouldContain("$.required[1].weight must be positive (was 0)");
        err.ShouldContain("$.workMode must be one of remote, hybrid, on-site, onsite (was 'moon')");
        err.ShouldContain("$.salary.min (9) is above $.salary.max (1)");
    }

    [Fact]
    public void With_the_embedded_taxonomy_the_issue_examples_work_and_taxonomy_check_passes()
    {
        var output = new StringWriter { NewLine = "\n" };
        var error = new StringWriter { NewLine = "\n" };
        new CliApp().Run(["skills", "normalize"], new StringReader("PostgreSQL 15\nC Sharp\n.NET Core\nk8s\nFoo Bar Baz\n"), output, error).ShouldBe(0);
        output.ToString().ShouldBe("PostgreSQL 15\tpostgresql\nC Sharp\tcsharp\n.NET Core\tdotnet\nk8s\tkubernetes\nFoo Bar Baz\t\n");

        var check = new StringWriter { NewLine = "\n" };
        new CliApp().Run(["taxonomy", "check"], new StringReader(""), check, error).ShouldBe(0);
        check.ToString().ShouldContain("skills: ");
        check.ToString().ShouldNotContain("error:");
        error.ToString().ShouldBeEmpty();
    }

    [Fact]
    public void Every_command_has_help()
    {
        foreach (var c in CliApp.Commands)
        {
            var (code, output, _) = Run("", [.. c.Words, "--help"]);
            code.ShouldBe(0);
            output.ShouldStartWith("usage: marketplace " + c.Usage);
        }
    }
}
