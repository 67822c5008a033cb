using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Postings;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Postings;

public sealed class JobPostingTests
{
    private static readonly DateTimeOffset Now = new(2026, 11, 26, 12, 0, 0, TimeSpan.Zero);

    internal static PostingDetails Details(
        WorkMode workMode = WorkMode.Remote,
        Place[]? locations = null,
        string[]? acceptedCountries = null,
        Salary? salary = null,
        params PostingSkill[] skills) =>
        new("Backend developer", "Acme", "**APIs** on .NET", Seniority.Mid, workMode, locations ?? [], acceptedCountries ?? [],
            salary ?? new Salary(60_000, 80_000, "eur", SalaryPeriod.Year),
            skills.Length > 0 ? skills : [new PostingSkill("csharp", 3, 5, Required: true)]);

    internal static JobPosting Draft() => JobPosting.Draft(Guid.NewGuid(), Details(), Guid.NewGuid(), null, Now).Value;

    internal static JobPosting InStatus(PostingStatus status)
    {
        var posting = Draft();
        switch (status)
        {
            case PostingStatus.Published:
                posting.Publish(Now).IsSuccess.ShouldBeTrue();
                break;
            case PostingStatus.Closed:
                posting.Publish(Now).IsSuccess.ShouldBeTrue();
                posting.Close(ClosingReason.Filled, Now.AddDays(1)).IsSuccess.ShouldBeTrue();
                break;
            case PostingStatus.Expired:
                posting.Publish(Now).IsSuccess.ShouldBeTrue();
                posting.Expire(Now + JobPosting.Lifetime).IsSuccess.ShouldBeTrue();
                break;
            case PostingStatus.OnHold:
                posting.Publish(Now).IsSuccess.ShouldBeTrue();
                posting.Hold("Misleading salary", Now.AddDays(1)).IsSuccess.ShouldBeTrue();
                break;
        }

        posting.Status.ShouldBe(status);
        return posting;
    }

    [Fact]
    public void A_draft_keeps_the_details_normalized_and_is_not_public()
    {
        var posting = JobPosting.Draft(
            Guid.NewGuid(),
            Details(WorkMode.Hybrid, [new Place(" Berlin ", "de")], skills: [new("csharp", 4, 8, true, Dealbreaker: true), new("docker", 2, 1, false)]),
            null,
            null,
            Now).Value;

        posting.Status.ShouldBe(PostingStatus.Draft);
        posting.IsPublic.ShouldBeFalse();
        posting.PublishedAt.ShouldBeNull();
        posting.Locations.ShouldBe([new Place("Berlin", "DE")]);
        posting.Salary.Currency.ShouldBe("EUR");
        posting.RequiredSkills.Select(s => s.SkillId).ShouldBe(["csharp"]);
        posting.NiceToHaveSkills.Select(s => s.SkillId).ShouldBe(["docker"]);
        posting.Revision.ShouldBe(1);
    }

    [Fact]
    public void Publishing_a_draft_starts_thirty_days_and_moves_the_revision()
    {
        var posting = Draft();

        posting.Publish(Now).IsSuccess.ShouldBeTrue();

        posting.Status.ShouldBe(PostingStatus.Published);
        posting.PublishedAt.ShouldBe(Now);
        posting.ExpiresAt.ShouldBe(Now.AddDays(30));
        posting.Revision.ShouldBe(2);
        posting.IsPublic.ShouldBeTrue();
    }

    public static TheoryData<PostingStatus, string, bool> Transitions()
    {
        // Every action from every status: allowed (true) or refused (false).
        var data = new TheoryData<PostingStatus, string, bool>();
        void Add(PostingStatus from, string action, bool allowed) => data.Add(from, action, allowed);
        foreach (var from in Enum.GetValues<PostingStatus>())
        {
            Add(from, "Edit", from != PostingStatus.Closed);
            Add(from, "Publish", from == PostingStatus.Draft);
            Add(from, "Renew", from is PostingStatus.Published or PostingStatus.Expired);
            Add(from, "Close", from is PostingStatus.Published or PostingStatus.Expired or PostingStatus.OnHold);
            Add(from, "Expire", from == PostingStatus.Published);
            Add(from, "Hold", from == PostingStatus.Published);
            Add(from, "Release", from == PostingStatus.OnHold);
        }

        return data;
    }

    [Theory, MemberData(nameof(Transitions))]
    public void Every_action_from_every_status_is_allowed_or_refused_as_the_lifecycle_says(PostingStatus from, string action, bool allowed)
    {
        var posting = InStatus(from);
        var revision = posting.Revision;
        var at = Now + JobPosting.Lifetime + TimeSpan.FromDays(1);

        var result = action switch
        {
            "Edit" => posting.Edit(Details() with { Title = "Changed" }, at),
            "Publish" => posting.Publish(at),
            "Renew" => posting.Renew(at),
            "Close" => posting.Close(ClosingReason.Withdrawn, at),
            "Expire" => posting.Expire(at),
            "Hold" => posting.Hold("Looks like a scam", at),
            _ => posting.Release(at),
        };

        result.IsSuccess.ShouldBe(allowed, result.IsFailure ? result.FirstError.Message : $"{action} from {from} should be refused");
        if (allowed)
        {
            posting.Revision.ShouldBe(revision + 1);
        }
        else
        {
            result.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
            posting.Status.ShouldBe(from);
            posting.Revision.ShouldBe(revision);
        }
    }

    [Fact]
    public void A_posting_does_not_expire_before_its_time_and_expires_at_it()
    {
        var posting = InStatus(PostingStatus.Published);

        posting.Expire(Now.AddDays(30).AddSeconds(-1)).FirstError.Code.ShouldBe("posting.not_due");
        posting.Status.ShouldBe(PostingStatus.Published);

        posting.Expire(Now.AddDays(30)).IsSuccess.ShouldBeTrue();
        posting.Status.ShouldBe(PostingStatus.Expired);
        posting.IsPublic.ShouldBeTrue();
    }

    [Fact]
    public void Renewing_an_expired_posting_publishes_it_for_thirty_days_from_now_and_keeps_its_first_publication()
    {
        var posting = InStatus(PostingStatus.Expired);
        var renewedAt = Now.AddDays(40);

        posting.Renew(renewedAt).IsSuccess.ShouldBeTrue();

        posting.Status.ShouldBe(PostingStatus.Published);
        posting.ExpiresAt.ShouldBe(renewedAt.AddDays(30));
        posting.PublishedAt.ShouldBe(Now);
    }

    [Fact]
    public void The_expiry_warning_comes_once_per_publication_in_the_last_three_days()
    {
        var posting = InStatus(PostingStatus.Published);

        posting.WarnOfExpiry(Now.AddDays(26)).ShouldBeFalse();
        posting.WarnOfExpiry(Now.AddDays(27)).ShouldBeTrue();
        posting.WarnOfExpiry(Now.AddDays(28)).ShouldBeFalse();
        posting.ExpiryWarnedAt.ShouldBe(Now.AddDays(27));
        posting.Revision.ShouldBe(2);

        posting.Renew(Now.AddDays(29)).IsSuccess.ShouldBeTrue();
        posting.ExpiryWarnedAt.ShouldBeNull();
        posting.WarnOfExpiry(Now.AddDays(29 + 27)).ShouldBeTrue();
    }

    [Fact]
    public void No_warning_once_the_posting_has_expired_or_is_not_published()
    {
        InStatus(PostingStatus.Published).WarnOfExpiry(Now.AddDays(30)).ShouldBeFalse();
        InStatus(PostingStatus.Draft).WarnOfExpiry(Now.AddDays(28)).ShouldBeFalse();
        InStatus(PostingStatus.OnHold).WarnOfExpiry(Now.AddDays(28)).ShouldBeFalse();
    }

    [Fact]
    public void A_hold_needs_a_reason_and_a_release_gives_back_the_time_on_hold()
    {
        var posting = InStatus(PostingStatus.Published);

        posting.Hold("  ", Now.AddDays(2)).FirstError.Field.ShouldBe("Reason");
        posting.Status.ShouldBe(PostingStatus.Published);

        posting.Hold("Salary range looks wrong", Now.AddDays(2)).IsSuccess.ShouldBeTrue();
        posting.IsPublic.ShouldBeFalse();
        posting.HoldReason.ShouldBe("Salary range looks wrong");

        posting.Release(Now.AddDays(5)).IsSuccess.ShouldBeTrue();
        posting.Status.ShouldBe(PostingStatus.Published);
        posting.ExpiresAt.ShouldBe(Now.AddDays(33));
        posting.HoldReason.ShouldBeNull();
    }

    [Fact]
    public void Closing_records_why_and_when()
    {
        var posting = InStatus(PostingStatus.Published);

        posting.Close(ClosingReason.Filled, Now.AddDays(3)).IsSuccess.ShouldBeTrue();

        posting.ClosingReason.ShouldBe(ClosingReason.Filled);
        posting.ClosedAt.ShouldBe(Now.AddDays(3));
        posting.Edit(Details(), Now.AddDays(4)).FirstError.Code.ShouldBe("posting.closed");
    }

    [Fact]
    public void A_posting_needs_a_required_skill()
    {
        var result = JobPosting.Draft(Guid.NewGuid(), Details(skills: [new PostingSkill("docker", 2, 1, Required: false)]), null, null, Now);

        result.Errors.ShouldContain(e => e.Field == "Skills" && e.Kind == ErrorKind.Validation);
    }

    [Fact]
    public void A_skill_listed_twice_is_reported_once_under_the_later_mention_whether_required_or_not()
    {
        var result = JobPosting.Draft(
            Guid.NewGuid(),
            Details(skills: [new("kubernetes", 3, 5, true), new("docker", 2, 2, false), new("kubernetes", 2, 1, false)]),
            null,
            null,
            Now);

        result.Errors.Where(e => e.Field!.StartsWith("Skills", StringComparison.Ordinal)).Select(e => e.Field).ShouldBe(["Skills[2].Skill"]);
        result.Errors.Single().Message.ShouldContain("skill 1");
    }

    [Theory]
    [InlineData(0, 5, "Skills[0].MinLevel")]
    [InlineData(6, 5, "Skills[0].MinLevel")]
    [InlineData(3, 0, "Skills[0].Weight")]
    [InlineData(3, 11, "Skills[0].Weight")]
    public void Levels_and_weights_out_of_range_name_their_field(int level, int weight, string field) =>
        JobPosting.Draft(Guid.NewGuid(), Details(skills: [new("csharp", level, weight, true)]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe([field]);

    [Fact]
    public void Only_a_required_skill_can_be_a_dealbreaker() =>
        JobPosting.Draft(Guid.NewGuid(), Details(skills: [new("csharp", 3, 5, true), new("docker", 2, 2, false, Dealbreaker: true)]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe(["Skills[1].Dealbreaker"]);

    [Theory]
    [InlineData(0, 100, "EUR", "Salary.Min")]
    [InlineData(100, 50, "EUR", "Salary.Max")]
    [InlineData(100, 200, "XYZ", "Salary.Currency")]
    public void A_salary_range_must_make_sense(int min, int max, string currency, string field) =>
        JobPosting.Draft(Guid.NewGuid(), Details(salary: new Salary(min, max, currency, SalaryPeriod.Year)), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe([field]);

    [Fact]
    public void A_salary_is_required() =>
        JobPosting.Draft(Guid.NewGuid(), Details() with { Salary = null }, null, null, Now).Errors.Select(e => e.Field).ShouldBe(["Salary"]);

    [Theory]
    [InlineData(SalaryPeriod.Year, 50_000, 50_000)]
    [InlineData(SalaryPeriod.Month, 4_000, 48_000)]
    [InlineData(SalaryPeriod.Day, 500, 110_000)]
    [InlineData(SalaryPeriod.Hour, 50, 88_000)]
    public void Salaries_compare_as_yearly_amounts(SalaryPeriod period, int amount, int yearly) =>
        new Salary(amount, amount, "EUR", period).YearlyMax.ShouldBe(yearly);

    [Fact]
    public void On_site_and_hybrid_postings_need_a_place_with_a_known_country()
    {
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.OnSite), null, null, Now).Errors.Select(e => e.Field).ShouldBe(["Locations"]);
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.Hybrid, [new Place("Atlantis", "QQ")]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe(["Locations[0].Country"]);
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.Hybrid, [new Place("", "DE")]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe(["Locations[0].City"]);
    }

    [Fact]
    public void Only_a_remote_posting_lists_accepted_countries_and_each_must_be_known()
    {
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.OnSite, [new Place("Berlin", "DE")], ["NL"]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe(["AcceptedCountries"]);
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.Remote, acceptedCountries: ["DE", "ZZ"]), null, null, Now)
            .Errors.Select(e => e.Field).ShouldBe(["AcceptedCountries[1]"]);
        JobPosting.Draft(Guid.NewGuid(), Details(WorkMode.Remote, acceptedCountries: ["de", "NL", "DE"]), null, null, Now)
            .Value.AcceptedCountries.ShouldBe(["DE", "NL"]);
    }

    [Fact]
    public void A_posting_needs_a_title_and_a_company()
    {
        var result = JobPosting.Draft(Guid.NewGuid(), Details() with { Title = " ", Company = "" }, null, null, Now);

        result.Errors.Select(e => e.Field).ShouldBe(["Title", "Company"], ignoreOrder: true);
    }
}
