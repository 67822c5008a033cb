using System.Net.Http.Headers;
using System.Net.Http.Json;
using Marketplace.BuildingBlocks.Application;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Contracts;
using Marketplace.Matching.Infrastructure.Persistence;
using Marketplace.Skills.Matching;
using Marketplace.Skills.Scoring;
using Marketplace.Skills.Taxonomy;
using Marketplace.Testing;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace Marketplace.Matching.Tests.Candidates;

/// <summary>A seeker of the candidates' tests: signed in on a cookie browser, with their profile saved through the Profiles API.</summary>
public sealed record CandidateSeeker(Guid Id, string Email, string Name, HttpClient Browser);

/// <summary>
/// One host with its background server (events travel, mail goes out) and an SMTP server. The world is made once: two employers
/// with a posting each, and four seekers whose profiles go through the real Profiles API, one of them private.
/// </summary>
public sealed class CandidatesFixture : MarketplaceFixture
{
    public const string EmployerEmail = "candidates.employer@example.com";
    public const string OtherEmployerEmail = "candidates.other@example.com";
    private static readonly SkillTaxonomy Taxonomy = SkillTaxonomy.Embedded;
    private readonly SemaphoreSlim _gate = new(1, 1);
    private bool _made;

    public TestSmtpServer Smtp { get; } = new();

    public override AppOptions AppOptions => new()
    {
        Settings = new Dictionary<string, string?>
        {
            ["Email:Host"] = "127.0.0.1",
            ["Email:Port"] = Smtp.Port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            ["Email:Security"] = "None",
            ["Identity:RateLimits:TokenPerWindow"] = "100000",
            ["Identity:RateLimits:SignInPerWindow"] = "100000",
        },
        Services = services => services.Decorate<ICandidateStore>(store => new RacingCandidateStore(store, ContactRace)),
    };

    /// <summary>Armed by a test, makes two contact requests pass the "asked before?" check together.</summary>
    public ContactRace ContactRace { get; } = new();

    public Guid Posting { get; private set; }

    public Guid OtherPosting { get; private set; }

    public HttpClient Employer { get; private set; } = null!;

    public HttpClient OtherEmployer { get; private set; } = null!;

    public HttpClient EmployerBrowser { get; private set; } = null!;

    public HttpClient OtherEmployerBrowser { get; private set; } = null!;

    /// <summary>Strong in C# and Docker, no PostgreSQL.</summary>
    public CandidateSeeker Ada { get; private set; } = null!;

    /// <summary>Strong in PostgreSQL, no C#.</summary>
    public CandidateSeeker Bo { get; private set; } = null!;

    /// <summary>The best fit of all, but private: never a candidate.</summary>
    public CandidateSeeker Cy { get; private set; } = null!;

    /// <summary>C# and PostgreSQL at the level asked.</summary>
    public CandidateSeeker Di { get; private set; } = null!;

    public async Task MakeWorldAsync()
    {
        await _gate.WaitAsync();
        try
        {
            if (_made) return;
            Employer = await App.CreateEmployerClientAsync(EmployerEmail);
            OtherEmployer = await App.CreateEmployerClientAsync(OtherEmployerEmail);
            EmployerBrowser = await SignedInAsync(EmployerEmail);
            OtherEmployerBrowser = await SignedInAsync(OtherEmployerEmail);
            Posting = (await Employer.PublishAsync(PostingRequests.Valid(["csharp", "postgresql"], ["docker"], company: "Quietbay"))).GetProperty("id").GetGuid();
            OtherPosting = (await OtherEmployer.PublishAsync(PostingRequests.Valid(["csharp", "postgresql"], ["docker"], company: "Otherfirm"))).GetProperty("id").GetGuid();
            Ada = await SeekerAsync("ada.candidate@example.com", "Ada Quietwater", [("csharp", 5), ("docker", 4)]);
            Bo = await SeekerAsync("bo.candidate@example.com", "Bo Stillriver", [("postgresql", 5), ("docker", 2)]);
            Cy = await SeekerAsync("cy.candidate@example.com", "Cy Hiddenbrook", [("csharp", 5), ("postgresql", 5), ("docker", 5)], visibility: "Private");
            Di = await SeekerAsync("di.candidate@example.com", "Di Nearfield", [("csharp", 3), ("postgresql", 3)]);

            // Within seconds: the three discoverable seekers are the posting's stored candidates.
            var deadline = DateTime.UtcNow.AddSeconds(60);
            while ((await StoredAsync(Posting)).Count < 3)
            {
                DateTime.UtcNow.ShouldBeLessThan(deadline, "the candidates were not stored within 60 s");
                await Task.Delay(100);
            }

            await App.WaitForBackgroundWorkAsync();
            _made = true;
        }
        finally
        {
            _gate.Release();
        }
    }

    public async Task<HttpClient> SignedInAsync(string email)
    {
        var browser = ApiAccess.Browser(App);
        await ApiAccess.SignInAsync(browser, email);
        return browser;
    }

    public Task<IReadOnlyList<CandidateView>> StoredAsync(Guid posting) => App.InScopeAsync(async s =>
        (IReadOnlyList<CandidateView>)(await s.GetRequiredService<IMatchingFacade>().CandidatesOfPostingAsync(posting, null, 1, 50, CancellationToken.None)).Page!.Items);

    /// <summary>The engine's own answer, from scratch over matching's projections: the keys of the top candidates and their scores.</summary>
    public Task<IReadOnlyList<(string Key, double Score)>> EngineAnswerAsync(IReadOnlyDictionary<string, double>? weights = null, IReadOnlyCollection<string>? dealbreakers = null) =>
        App.InScopeAsync(async s =>
        {
            var context = s.GetRequiredService<MatchingDbContext>();
            var profiles = await context.Profiles.AsNoTracking().ToListAsync();
            var posting = (await context.Postings.AsNoTracking().SingleAsync(p => p.Id == Posting)).ToEngine(Taxonomy);
            var index = ProfileIndex.Build(Taxonomy, [.. profiles.Where(p => p.IsCandidate).Select(p => p.ToEngine(Taxonomy))]);
            var top = index.TopK(new RankingOverrides(weights, dealbreakers).ApplyTo(posting), 50);
            var names = await s.GetRequiredService<ICandidatePseudonymSource>().GetAsync(CancellationToken.None);
            return (IReadOnlyList<(string, double)>)[.. top.Select(m => (names.KeyOf(Posting, Guid.Parse(m.Id)), Math.Round(m.Score, 1)))];
        });

    public Task<string> KeyOfAsync(Guid posting, CandidateSeeker seeker) => App.InScopeAsync(async s =>
        (await s.GetRequiredService<ICandidatePseudonymSource>().GetAsync(CancellationToken.None)).KeyOf(posting, seeker.Id));

    private async Task<CandidateSeeker> SeekerAsync(string email, string name, (string Skill, int Level)[] skills, string visibility = "Discoverable")
    {
        var id = await App.CreateAccountAsync(email, Roles.JobSeeker);
        var browser = await SignedInAsync(email);
        using var api = App.CreateClient();
        api.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", await App.AuthorizationCodeTokenAsync(browser, "openid profile:me"));
        var saved = await api.PutAsJsonAsync("/api/v1/me/profile", new
        {
            version = 0,
            displayName = name,
            headline = "Backend engineer",
            skills = skills.Select(s => new { skillId = s.Skill, level = s.Level, years = 4 }).ToArray(),
            preferences = new
            {
                seniority = "Senior",
                workModes = new[] { "Hybrid" },
                locations = new[] { new { country = "de", city = "Berlin" } },
                willingToRelocate = false,
                visibility,
            },
        });
        saved.EnsureSuccessStatusCode();
        return new CandidateSeeker(id, email, name, browser);
    }
}
