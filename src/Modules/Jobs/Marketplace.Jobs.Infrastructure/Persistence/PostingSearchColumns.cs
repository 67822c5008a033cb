using System.Text;
using Marketplace.Jobs.Domain.Postings;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace Marketplace.Jobs.Infrastructure.Persistence;

/// <summary>
/// The columns search reads, kept beside the posting and set whenever it is saved: exact tokens for skills, countries and
/// a remote posting open to anywhere (<c>sk:kubernetes</c>, <c>co:de</c>, <c>co:any</c>), words about the posting's facts, yearly salaries, and
/// PostgreSQL's weighted document built from them (title A, required skills A, nice-to-have skills and facts B, company
/// B, description D: a generated column that the model leaves out, so loading a posting never reads it, created with its GIN
/// index by the migration PostingsLifecycleAndSearch; its head without the description, which ranking reads, by SearchHead). <c>announce_seq</c> is the alerts' high-water sequence, stamped by the alert sweep.
/// </summary>
internal static class PostingSearchColumns
{
    public const string Tokens = "SearchTokens";
    public const string Facts = "SearchFacts";
    public const string YearlyMin = "SalaryYearlyMin";
    public const string YearlyMax = "SalaryYearlyMax";
    public const string AnnounceSeq = "AnnounceSeq";
    public const string SkillIds = "SkillIds";

    public const string SkillPrefix = "sk:";
    public const string CountryPrefix = "co:";

    /// <summary>The token of a remote posting open to people anywhere: it matches every country filter.</summary>
    public const string AnyCountry = "co:any";

    public static void Configure(EntityTypeBuilder<JobPosting> posting)
    {
        posting.Property<string>(Tokens).HasMaxLength(4_000);
        posting.Property<string>(Facts).HasMaxLength(4_000);
        posting.Property<decimal>(YearlyMin).HasPrecision(16, 2);
        posting.Property<decimal>(YearlyMax).HasPrecision(16, 2);
        posting.Property<long?>(AnnounceSeq);
        // For the skills facet: unnesting an array is much cheaper than reading the skills' JSON.
        posting.Property<string[]>(SkillIds).HasColumnType("text[]").IsRequired()
            .Metadata.SetValueComparer(new ValueComparer<string[]>((a, b) => a!.SequenceEqual(b!), a => a.Aggregate(0, (h, s) => HashCode.Combine(h, s)), a => a.ToArray()));
        // Newest first: only published postings are searched.
        posting.HasIndex(nameof(JobPosting.PublishedAt), nameof(JobPosting.Id)).IsDescending(true, true)
            .HasFilter("status = 'Published'").HasDatabaseName("ix_postings_published_newest");
        posting.HasIndex(AnnounceSeq).HasFilter("announce_seq IS NOT NULL");
    }

    /// <summary>Sets the search columns of every posting about to be saved.</summary>
    public static void Update(ChangeTracker changes)
    {
        foreach (var entry in changes.Entries<JobPosting>())
        {
            if (entry.State is EntityState.Added or EntityState.Modified)
            {
                Set(entry);
            }
        }
    }

    private static void Set(EntityEntry<JobPosting> entry)
    {
        var posting = entry.Entity;
        SetIfChanged(entry, Tokens, TokensOf(posting));
        SetIfChanged(entry, Facts, FactsOf(posting));
        SetIfChanged(entry, YearlyMin, posting.Salary.YearlyMin);
        SetIfChanged(entry, YearlyMax, posting.Salary.YearlyMax);
        var skillIds = posting.Skills.Select(s => s.SkillId).ToArray();
        if (entry.Property(SkillIds).CurrentValue is not string[] current || !current.SequenceEqual(skillIds))
        {
            entry.Property(SkillIds).CurrentValue = skillIds;
        }
    }

    private static void SetIfChanged<T>(EntityEntry<JobPosting> entry, string property, T value)
    {
        var current = entry.Property(property);
        if (!Equals(current.CurrentValue, value))
        {
            current.CurrentValue = value;
        }
    }

    /// <summary>A tsvector literal of exact tokens (no stemming, no parsing); required skills weigh A, nice-to-have ones B.</summary>
    public static string TokensOf(JobPosting posting)
    {
        var text = new StringBuilder();
        var position = 1;
        foreach (var skill in posting.Skills)
        {
            Append(text, SkillPrefix + skill.SkillId, position++, skill.Required ? "A" : "B");
        }

        var countries = posting.Locations.Select(l => l.Country)
            .Concat(posting.WorkMode == WorkMode.Remote ? posting.AcceptedCountries : [])
            .Distinct(StringComparer.Ordinal);
        foreach (var country in countries)
        {
            Append(text, CountryPrefix + country.ToLowerInvariant(), position++, "");
        }

        if (posting.WorkMode == WorkMode.Remote && posting.AcceptedCountries.Count == 0)
        {
            Append(text, AnyCountry, position++, "");
        }

        return text.ToString();
    }

    /// <summary>Words for full-text search about what the posting is: its seniority, work mode and places.</summary>
    public static string FactsOf(JobPosting posting)
    {
        var words = new List<string> { posting.Seniority.ToString(), posting.WorkMode == WorkMode.OnSite ? "on-site onsite office" : posting.WorkMode.ToString() };
        foreach (var place in posting.Locations)
        {
            words.Add(place.City);
            words.Add(IsoCodes.CountryName(place.Country));
        }

        foreach (var country in posting.AcceptedCountries)
        {
            words.Add(IsoCodes.CountryName(country));
        }

        return string.Join(' ', words);
    }

    private static void Append(StringBuilder text, string lexeme, int position, string weight)
    {
        if (text.Length > 0)
        {
            text.Append(' ');
        }

        text.Append('\'').Append(lexeme.Replace("\\", "\\\\", StringComparison.Ordinal).Replace("'", "''", StringComparison.Ordinal)).Append('\'')
            .Append(':').Append(position).Append(weight);
    }
}
