using System.Text.RegularExpressions;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Profiles.Application.Taxonomy;
using Marketplace.Profiles.Domain.Profiles;

namespace Marketplace.Profiles.Application.Profiles;

/// <summary>
/// Skills as a client sent them, turned into entries the profile can check: a picked id must exist; a name is resolved
/// by the taxonomy, a compound one ("C#/.NET") into one entry per part, and what it does not know stays as written.
/// </summary>
internal sealed partial class SkillResolution
{
    private readonly List<int> _inputOfEntry = [];
    private readonly HashSet<int> _namedInputs = [];

    private SkillResolution()
    {
    }

    public List<SkillEntry> Entries { get; } = [];

    public List<Error> Errors { get; } = [];

    public static SkillResolution Of(IReadOnlyList<SkillInput> inputs, ITaxonomy taxonomy)
    {
        var resolution = new SkillResolution();
        for (var i = 0; i < inputs.Count; i++)
        {
            var input = inputs[i];
            var level = (SkillLevel)input.Level;
            if (!string.IsNullOrWhiteSpace(input.SkillId))
            {
                if (taxonomy.Find(input.SkillId.Trim()) is { } skill)
                {
                    resolution.Add(i, new SkillEntry(skill.Id, string.IsNullOrWhiteSpace(input.Name) ? skill.Name : input.Name.Trim(), level, input.Years, input.LastUsed));
                }
                else
                {
                    resolution.Errors.Add(Error.Validation($"Skills[{i}].SkillId", $"There is no skill '{input.SkillId}'; pick one the suggestions offer."));
                }

                continue;
            }

            resolution._namedInputs.Add(i);
            foreach (var part in taxonomy.Resolve(input.Name!))
            {
                resolution.Add(i, new SkillEntry(part.Skill?.Id, part.Text, level, input.Years, input.LastUsed));
            }
        }

        return resolution;
    }

    /// <summary>The profile names an entry by its position; the client knows the position of what it sent.</summary>
    public IReadOnlyList<Error> AsSent(IReadOnlyList<Error> errors) =>
        [.. errors.Select(e =>
        {
            if (e.Field is not { } field || EntryField().Match(field) is not { Success: true } m)
            {
                return e;
            }

            var input = _inputOfEntry[int.Parse(m.Groups[1].Value, System.Globalization.CultureInfo.InvariantCulture)];
            // A skill the client named was resolved to an id; the name is what it sent.
            var rest = m.Groups[2].Value == ".SkillId" && _namedInputs.Contains(input) ? ".Name" : m.Groups[2].Value;
            return Error.Validation($"Skills[{input}]{rest}", e.Message);
        })];

    private void Add(int input, SkillEntry entry)
    {
        Entries.Add(entry);
        _inputOfEntry.Add(input);
    }

    [GeneratedRegex(@"^Skills\[(\d+)\](.*)$")]
    private static partial Regex EntryField();
}
