using System.Text.Json;
using Marketplace.Skills.Taxonomy;

namespace Marketplace.Matching.Domain.Taxonomy;

/// <summary>
/// One stored change of the taxonomy overlay. Its <see cref="Position"/> is taken from the matching change feed, so every
/// process applies taxonomy changes and projection changes in one order, and the engine knows which taxonomy scored what.
/// </summary>
public sealed class OverlayEntry
{
    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web);

    private OverlayEntry()
    {
    }

    public OverlayEntry(long position, TaxonomyChange change, string changedBy, DateTimeOffset changedAt)
    {
        Position = position;
        Kind = KindOf(change);
        Payload = JsonSerializer.Serialize(change, change.GetType(), Json);
        Description = change.Describe();
        ChangedBy = changedBy;
        ChangedAt = changedAt;
    }

    public long Position { get; private set; }

    /// <summary>Stored name of the change's kind ("add-alias"...), never the CLR name.</summary>
    public string Kind { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public string Description { get; private set; } = "";

    public string ChangedBy { get; private set; } = "";

    public DateTimeOffset ChangedAt { get; private set; }

    public TaxonomyChange ToChange() => Kind switch
    {
        "add-skill" => JsonSerializer.Deserialize<AddSkill>(Payload, Json)!,
        "add-alias" => JsonSerializer.Deserialize<AddAlias>(Payload, Json)!,
        "add-implication" => JsonSerializer.Deserialize<AddImplication>(Payload, Json)!,
        "add-relation" => JsonSerializer.Deserialize<AddRelation>(Payload, Json)!,
        "merge-skills" => JsonSerializer.Deserialize<MergeSkills>(Payload, Json)!,
        "not-a-skill" => JsonSerializer.Deserialize<MarkNotASkill>(Payload, Json)!,
        _ => throw new InvalidDataException($"Overlay entry {Position} has the unknown kind '{Kind}'."),
    };

    public static string KindOf(TaxonomyChange change) => change switch
    {
        AddSkill => "add-skill",
        AddAlias => "add-alias",
        AddImplication => "add-implication",
        AddRelation => "add-relation",
        MergeSkills => "merge-skills",
        MarkNotASkill => "not-a-skill",
        _ => throw new ArgumentOutOfRangeException(nameof(change), change.GetType().Name, "not a storable taxonomy change"),
    };
}
