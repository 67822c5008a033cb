namespace Marketplace.Profiles.Infrastructure.Persistence;

/// <summary>
/// How often seekers added a skill the taxonomy did not recognise, for the admins' queue (the taxonomy issue builds it):
/// counted once each time it is newly added to a profile. No profile or person is linked to it.
/// </summary>
public sealed class UnrecognisedMention
{
    public const int MaxKeyLength = 101;

    /// <summary>The mention folded (trimmed, single spaces, lower case), so "Foo  Bar" and "foo bar" count together.</summary>
    public required string MentionKey { get; init; }

    /// <summary>The mention as a seeker first wrote it.</summary>
    public required string Example { get; init; }

    public int Sightings { get; init; }

    public DateTimeOffset FirstSeenAt { get; init; }

    public DateTimeOffset LastSeenAt { get; init; }
}
