using System.Globalization;
using System.Text.Json;
using Marketplace.Skills.Scoring;

namespace Marketplace.Cli.Commands;

/// <summary>`match explain --profile P.json --posting J.json [--json]`: prints the score and its explanation.</summary>
public sealed class ExplainMatchCommand : ICliCommand
{
    private static readonly HashSet<string> Valued = ["--profile", "--posting"];
    private static readonly HashSet<string> Switches = ["--json"];

    public IReadOnlyList<string> Words { get; } = ["match", "explain"];
    public string Usage => "match explain --profile P.json --posting J.json [--json]";
    public string Summary => "prints the score (0-100) and its explanation; --json prints it as JSON";

    public int Run(CommandContext context)
    {
        var values = new Dictionary<string, string>(StringComparer.Ordinal);
        var problem = Arguments.Parse(context.Args, Valued, Switches, values);
        if (problem is null && !values.ContainsKey("--profile")) problem = "--profile is required";
        if (problem is null && !values.ContainsKey("--posting")) problem = "--posting is required";
        if (problem is not null)
        {
            context.Error.WriteLine($"error: {problem}");
            context.Error.WriteLine($"usage: marketplace {Usage}");
            return ExitCodes.BadInput;
        }

        var errors = new List<string>();
        string profileFile = values["--profile"], postingFile = values["--posting"];
        var profileJson = MatchJson.Read<ProfileJson>(profileFile, "profile", errors);
        var postingJson = MatchJson.Read<PostingJson>(postingFile, "posting", errors);
        var taxonomy = context.Taxonomy();
        var profile = profileJson is null ? null : MatchJson.ToProfile(profileJson, taxonomy, profileFile, errors);
        var posting = postingJson is null ? null : MatchJson.ToPosting(postingJson, taxonomy, postingFile, errors);
        if (errors.Count > 0 || profile is null || posting is null)
        {
            foreach (string e in errors) context.Error.WriteLine($"error: {e}");
            return ExitCodes.BadInput;
        }

        var explanation = new Scorer(taxonomy).Explain(profile, posting);
        if (values.ContainsKey("--json")) context.Out.WriteLine(JsonSerializer.Serialize(explanation, MatchJson.Options));
        else Write(context.Out, explanation);
        return ExitCodes.Success;
    }

    private static void Write(TextWriter o, MatchExplanation e)
    {
        o.WriteLine($"Score: {N(Math.Round(e.Score, 2))} / 100 for profile '{e.ProfileId}' and posting '{e.PostingId}'");
        o.WriteLine();
        o.WriteLine("Parts:");
        foreach (var p in e.Parts) o.WriteLine($"  {p.Name,-24} {N(Math.Round(p.Points, 2)),6} / {N(p.MaxPoints),-3}  {p.Reason}");
        o.WriteLine();
        o.WriteLine("Skills:");
        foreach (var s in e.Skills) o.WriteLine($"  {s.Kind,-10}  {s.Text}");
        if (e.HardMismatches.Count > 0)
        {
            o.WriteLine();
            o.WriteLine("Hard mismatches:");
            foreach (string m in e.HardMismatches) o.WriteLine($"  - {m}");
        }
    }

    private static string N(double value) => value.ToString("0.##", CultureInfo.InvariantCulture);
}
