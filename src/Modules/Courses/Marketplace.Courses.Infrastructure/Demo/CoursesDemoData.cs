using Marketplace.Courses.Domain.Catalog;
using Marketplace.Courses.Domain.Enrolments;
using Marketplace.Courses.Infrastructure.Persistence;
using Marketplace.Skills.Taxonomy;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Courses.Infrastructure.Demo;

/// <summary>
/// The demo's catalog: a few hundred plausible courses across the taxonomy's most asked-for skills, from made-up providers
/// with links under the reserved .example domain (none copied from a real provider), written through the import's bulk
/// upsert, so seeding twice changes nothing; and a few enrolments for the demo seekers.
/// </summary>
public static class CoursesDemoData
{
    public const int DefaultSeed = 20261201;

    private static readonly (string Name, string Domain)[] Providers =
    [
        ("Northwind Academy", "northwind-academy"), ("Bytesize Learning", "bytesize"), ("Stackwise", "stackwise"),
        ("Codeharbor", "codeharbor"), ("Lumen Tech School", "lumen-tech"), ("Open Campus Online", "open-campus"),
        ("Ridgeway Institute", "ridgeway"), ("Packetfield", "packetfield"), ("DevForge", "devforge"), ("Meridian University Online", "meridian-online"),
    ];

    private static readonly Dictionary<CourseLevel, string[]> Titles = new()
    {
        [CourseLevel.Beginner] = ["{0} Fundamentals", "Getting Started with {0}", "{0} for Beginners", "Introduction to {0}", "{0} Essentials"],
        [CourseLevel.Intermediate] = ["Practical {0}", "{0} in Production", "Building Real Services with {0}", "{0}: Beyond the Basics", "Hands-on {0}"],
        [CourseLevel.Advanced] = ["Advanced {0}", "Mastering {0}", "{0} Performance and Internals", "{0} at Scale", "Expert {0} Patterns"],
    };

    /// <summary>The demo courses, the same for a seed: each of the most popular backend skills gets two to four courses.</summary>
    public static IReadOnlyList<CourseDetails> Generate(SkillTaxonomy taxonomy, int skills = 140, int seed = DefaultSeed)
    {
        var random = new Random(seed);
        var popular = taxonomy.Skills.Where(s => s.IsBackendCore).OrderByDescending(s => s.Popularity).ThenBy(s => s.Id, StringComparer.Ordinal).Take(skills).ToList();
        var courses = new List<CourseDetails>();
        foreach (var skill in popular)
        {
            var levels = Enum.GetValues<CourseLevel>().OrderBy(_ => random.Next()).Take(random.Next(2, 4)).OrderBy(l => l);
            foreach (var level in levels)
            {
                var provider = Providers[random.Next(Providers.Length)];
                var template = Titles[level][random.Next(Titles[level].Length)];
                var title = string.Format(System.Globalization.CultureInfo.InvariantCulture, template, skill.Name);
                var mainLevel = level switch { CourseLevel.Beginner => 2, CourseLevel.Intermediate => 3, _ => random.Next(4, 6) };
                var teaches = new List<TaughtSkill> { new(skill.Id, mainLevel) };
                foreach (var (related, _) in taxonomy.RelatedTo(skill).Take(random.Next(0, 3)))
                {
                    var other = taxonomy[related];
                    if (teaches.All(t => t.SkillId != other.Id))
                    {
                        teaches.Add(new TaughtSkill(other.Id, Math.Max(1, mainLevel - 1)));
                    }
                }

                var hours = level switch
                {
                    CourseLevel.Beginner => random.Next(4, 21),
                    CourseLevel.Intermediate => random.Next(10, 41),
                    _ => random.Next(16, 61),
                };
                courses.Add(Describe(provider, title, skill.Name, level, hours, teaches, random));
            }
        }

        // Bootcamps: longer programmes across skills employers ask for together.
        for (var i = 0; i + 3 < Math.Min(popular.Count, 48); i += 4)
        {
            var group = popular.Skip(i).Take(4).ToList();
            var provider = Providers[random.Next(Providers.Length)];
            var title = $"Backend Bootcamp: {string.Join(", ", group.Take(3).Select(s => s.Name))} and {group[3].Name}";
            courses.Add(Describe(provider, title, group[0].Name, CourseLevel.Intermediate, random.Next(120, 361), [.. group.Select(s => new TaughtSkill(s.Id, 3))], random) with
            {
                Format = CourseFormat.Bootcamp,
                Summary = $"Twelve weeks of guided projects with mentors: {string.Join(", ", group.Select(s => s.Name))}, taught together as teams use them.",
            });
        }

        // One course per provider and id: the bulk write takes each key once.
        return [.. courses.DistinctBy(c => Domain.Catalog.Course.ImportKeyOf(c.Provider, c.ProviderCourseId, c.Link))];
    }

    public static async Task<int> SeedAsync(IServiceProvider services, IReadOnlyList<Guid> demoSeekers, CancellationToken cancellationToken)
    {
        await using var scope = services.CreateAsyncScope();
        var context = scope.ServiceProvider.GetRequiredService<CoursesDbContext>();
        var now = DateTimeOffset.UtcNow;
        // The retrying execution strategy runs the whole transaction as one retriable unit.
        var counts = await context.Database.CreateExecutionStrategy().ExecuteAsync(async ct =>
        {
            context.ChangeTracker.Clear();
            await using var transaction = await context.Database.BeginTransactionAsync(ct);
            var written = await new CourseRepository(context).UpsertAsync(Generate(SkillTaxonomy.Embedded), now, ct);
            foreach (var seeker in demoSeekers)
            {
                if (await context.Enrolments.AnyAsync(e => e.SeekerId == seeker, ct))
                {
                    continue;
                }

                var picks = await context.Courses.Where(c => c.Listed && c.Level == CourseLevel.Beginner).OrderBy(c => c.ImportKey).Take(2).ToListAsync(ct);
                foreach (var (course, progress) in picks.Zip([40, 10]))
                {
                    var enrolment = Enrolment.Start(Guid.CreateVersion7(now), seeker, course.Id, now.AddDays(-progress));
                    enrolment.RecordProgress(progress, now);
                    context.Enrolments.Add(enrolment);
                }
            }

            await context.SaveChangesAsync(ct);
            await transaction.CommitAsync(ct);
            return written;
        }, cancellationToken);
        return counts.Added;
    }

    private static CourseDetails Describe((string Name, string Domain) provider, string title, string skillName, CourseLevel level, int hours, IReadOnlyList<TaughtSkill> teaches, Random random)
    {
        var slug = new string([.. title.ToLowerInvariant().Select(ch => char.IsAsciiLetterOrDigit(ch) ? ch : '-')]).Replace("--", "-").Trim('-');
        var free = random.Next(5) == 0;
        var currency = new[] { "USD", "USD", "EUR", "GBP" }[random.Next(4)];
        var price = free ? 0 : new[] { 19m, 29m, 39m, 49m, 59m, 79m, 99m, 129m, 199m, 249m }[random.Next(10)] - (random.Next(2) == 0 ? 0.01m : 0);
        var format = new[] { CourseFormat.SelfPaced, CourseFormat.SelfPaced, CourseFormat.Interactive, CourseFormat.LiveOnline, CourseFormat.Book }[random.Next(5)];
        var language = random.Next(10) == 0 ? "de" : "en";
        return new CourseDetails(
            title,
            provider.Name,
            slug.Length > 100 ? slug[..100] : slug,
            $"https://{provider.Domain}.example/courses/{slug}",
            format,
            level,
            hours,
            price,
            currency,
            language,
            $"{level} course on {skillName}: {hours} hours of {CourseDtoFormat(format)} with exercises and a final project.",
            teaches);
    }

    private static string CourseDtoFormat(CourseFormat format) => format switch
    {
        CourseFormat.SelfPaced => "self-paced video",
        CourseFormat.Interactive => "interactive labs",
        CourseFormat.LiveOnline => "live online sessions",
        CourseFormat.Book => "reading",
        _ => "guided work",
    };
}
