using Marketplace.Jobs.Contracts;
using Marketplace.Profiles.Contracts;

namespace Marketplace.Matching.Tests;

/// <summary>The integration events matching consumes, as the Profiles and Jobs modules publish them.</summary>
internal static class Events
{
    public static readonly string[] Skills = ["csharp", "postgresql", "docker", "kafka", "redis", "terraform", "rust", "scala", "git", "elixir"];

    public static ProfileChanged Profile(Guid id, long revision, IEnumerable<(string Skill, int Level)> skills, string visibility = "Discoverable",
        string? country = "DE", string? seniority = "Senior") =>
        new(Guid.NewGuid(), DateTimeOffset.UtcNow, id, revision,
            [.. skills.Select(s => new ProfileSkillData(s.Skill, s.Level, 3, null))], [], seniority, [],
            country is null ? [] : [new ProfileLocationData(country, "Berlin")], false, null, visibility);

    public static PostingSnapshot Posting(Guid id, int revision, IEnumerable<(string Skill, bool Required)> skills, string status = "Published",
        string title = "Backend developer", bool dealbreakerFirst = false) =>
        new(id, revision, Guid.NewGuid(), title, "Acme", status, "Senior", "Hybrid", [new PostingPlace("Berlin", "DE")], [],
            new PostingSalary(60000, 80000, "EUR", "Year", 60000, 80000),
            [.. skills.Select((s, i) => new PostingSkillRequirement(s.Skill, 3, s.Required ? 5 : 2, s.Required, dealbreakerFirst && i == 0 && s.Required))],
            DateTimeOffset.UtcNow, DateTimeOffset.UtcNow.AddDays(30));

    public static PostingPublished Published(PostingSnapshot posting) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, posting);

    public static PostingClosed Closed(PostingSnapshot posting) => new(Guid.NewGuid(), DateTimeOffset.UtcNow, posting with { Status = "Closed" }, "Filled");
}
