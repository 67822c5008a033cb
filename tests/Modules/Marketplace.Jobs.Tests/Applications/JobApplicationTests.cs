using CsCheck;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Applications;
using Shouldly;
using Xunit;

namespace Marketplace.Jobs.Tests.Applications;

public sealed class JobApplicationTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    private static readonly Guid Seeker = Guid.NewGuid();
    private static readonly Guid Member = Guid.NewGuid();

    internal static JobApplication Submitted(string? coverNote = "I build ledgers.") => JobApplication.Submit(
        Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid(), Seeker,
        new ProfileSnapshot("Ada", "Backend engineer", [new SnapshotSkill("go", "Go", 5, "Expert", 5, 2026)]),
        match: null, coverNote, "CV text", Now).Value;

    [Fact]
    public void A_new_application_is_at_applied_with_one_step_by_the_applicant()
    {
        var application = Submitted();

        application.Stage.ShouldBe(ApplicationStage.Applied);
        application.Revision.ShouldBe(1);
        application.History.ShouldHaveSingleItem().ShouldBe(new StageChange(Now, Seeker, true, null, ApplicationStage.Applied, null));
        application.CoverNote.ShouldBe("I build ledgers.");
    }

    [Fact]
    public void A_blank_cover_note_is_none_and_a_long_one_is_refused_naming_the_field()
    {
        Submitted("   ").CoverNote.ShouldBeNull();

        var tooLong = JobApplication.Submit(Guid.NewGuid(), Guid.NewGuid(), null, Seeker, new ProfileSnapshot(null, null, []), null,
            new string('x', JobApplication.MaxCoverNoteLength + 1), null, Now);

        tooLong.FirstError.Field.ShouldBe("CoverNote");
    }

    [Theory]
    [InlineData(ApplicationStage.Applied, ApplicationStage.Screening)]
    [InlineData(ApplicationStage.Applied, ApplicationStage.Interview)]
    [InlineData(ApplicationStage.Interview, ApplicationStage.Screening)]
    [InlineData(ApplicationStage.Offer, ApplicationStage.Hired)]
    [InlineData(ApplicationStage.Screening, ApplicationStage.Rejected)]
    [InlineData(ApplicationStage.Offer, ApplicationStage.Rejected)]
    public void The_company_may_make_these_moves(ApplicationStage from, ApplicationStage to)
    {
        var application = At(from);

        application.MoveTo(to, Member, "Not this time.", Now.AddDays(2)).IsSuccess.ShouldBeTrue();

        application.Stage.ShouldBe(to);
        application.History[^1].ShouldBe(new StageChange(Now.AddDays(2), Member, false, from, to, to == ApplicationStage.Rejected ? "Not this time." : null));
    }

    [Theory]
    [InlineData(ApplicationStage.Applied, ApplicationStage.Hired, "Make an offer before you hire")]
    [InlineData(ApplicationStage.Interview, ApplicationStage.Hired, "Make an offer before you hire")]
    [InlineData(ApplicationStage.Screening, ApplicationStage.Screening, "already at Screening")]
    [InlineData(ApplicationStage.Applied, ApplicationStage.Withdrawn, "Only the applicant")]
    [InlineData(ApplicationStage.Hired, ApplicationStage.Rejected, "no longer changes")]
    [InlineData(ApplicationStage.Rejected, ApplicationStage.Interview, "no longer changes")]
    [InlineData(ApplicationStage.Withdrawn, ApplicationStage.Screening, "no longer changes")]
    public void The_company_may_not_make_these_moves_and_nothing_changes(ApplicationStage from, ApplicationStage to, string message)
    {
        var application = At(from);
        var (revision, steps) = (application.Revision, application.History.Count);

        var refused = application.MoveTo(to, Member, "A reason", Now.AddDays(2));

        refused.FirstError.Kind.ShouldBe(ErrorKind.Conflict);
        refused.FirstError.Message.ShouldContain(message);
        (application.Stage, application.Revision, application.History.Count).ShouldBe((from, revision, steps));
    }

    [Fact]
    public void A_rejection_needs_the_reason_the_applicant_reads()
    {
        var application = Submitted();

        application.MoveTo(ApplicationStage.Rejected, Member, "  ", Now).FirstError.Field.ShouldBe("Reason");
        application.Stage.ShouldBe(ApplicationStage.Applied);

        application.MoveTo(ApplicationStage.Rejected, Member, " Skills elsewhere. ", Now).IsSuccess.ShouldBeTrue();
        application.RejectionReason.ShouldBe("Skills elsewhere.");
    }

    [Fact]
    public void The_applicant_withdraws_an_open_application_but_not_a_final_one()
    {
        var open = At(ApplicationStage.Interview);
        open.Withdraw(Now.AddDays(3)).IsSuccess.ShouldBeTrue();
        open.Stage.ShouldBe(ApplicationStage.Withdrawn);
        open.History[^1].ShouldBe(new StageChange(Now.AddDays(3), Seeker, true, ApplicationStage.Interview, ApplicationStage.Withdrawn, null));

        open.Withdraw(Now.AddDays(4)).FirstError.Code.ShouldBe("application.final");
        At(ApplicationStage.Hired).Withdraw(Now).IsFailure.ShouldBeTrue();
        At(ApplicationStage.Rejected).Withdraw(Now).IsFailure.ShouldBeTrue();
    }

    [Fact]
    public void Notes_are_kept_in_order_and_an_empty_one_is_refused()
    {
        var application = Submitted();

        application.AddNote(Member, "Strong on Go.", Now).IsSuccess.ShouldBeTrue();
        application.AddNote(Member, " ", Now).FirstError.Field.ShouldBe("Text");

        application.Notes.ShouldHaveSingleItem().Text.ShouldBe("Strong on Go.");
    }

    [Fact]
    public void A_deleted_applicant_leaves_the_stages_and_nothing_that_says_who_they_were()
    {
        var application = At(ApplicationStage.Interview);
        application.AddNote(Member, "Lives in Lisbon.", Now).IsSuccess.ShouldBeTrue();

        application.ForgetApplicant(Now.AddDays(5));

        application.IsAnonymised.ShouldBeTrue();
        (application.ApplicantId, application.Profile, application.CoverNote, application.CvText).ShouldBe((null, null, null, null));
        application.Notes.ShouldBeEmpty();
        application.History.Select(h => h.To).ShouldBe([ApplicationStage.Applied, ApplicationStage.Screening, ApplicationStage.Interview]);
        application.History.Where(h => h.ByApplicant).ShouldAllBe(h => h.By == null);
        application.History.Where(h => !h.ByApplicant).ShouldAllBe(h => h.By == Member);
    }

    [Fact]
    public void Any_sequence_of_moves_keeps_a_history_that_chains_from_stage_to_stage_and_ends_where_the_application_is()
    {
        var stages = Gen.Enum<ApplicationStage>();
        Gen.Select(stages.Array[0, 12], Gen.Bool.Array[12]).Sample((moves, withdrawAt) =>
        {
            var application = Submitted();
            var accepted = 0;
            for (var i = 0; i < moves.Length; i++)
            {
                var before = application.Stage;
                var done = withdrawAt[i] ? application.Withdraw(Now.AddHours(i)) : application.MoveTo(moves[i], Member, "Reason", Now.AddHours(i));
                var expected = withdrawAt[i] ? !before.IsFinal() : ApplicationStages.CompanyMayMove(before, moves[i]);
                done.IsSuccess.ShouldBe(expected);
                accepted += done.IsSuccess ? 1 : 0;
            }

            application.History.Count.ShouldBe(1 + accepted);
            application.Revision.ShouldBe(1 + accepted);
            application.History[^1].To.ShouldBe(application.Stage);
            for (var i = 1; i < application.History.Count; i++)
            {
                application.History[i].From.ShouldBe(application.History[i - 1].To);
                application.History[i - 1].To.IsFinal().ShouldBeFalse();
            }
        });
    }

    /// <summary>An application brought to a stage the way the company and the applicant would.</summary>
    internal static JobApplication At(ApplicationStage stage)
    {
        var application = Submitted();
        ApplicationStage[] path = stage switch
        {
            ApplicationStage.Applied => [],
            ApplicationStage.Screening => [ApplicationStage.Screening],
            ApplicationStage.Interview => [ApplicationStage.Screening, ApplicationStage.Interview],
            ApplicationStage.Offer => [ApplicationStage.Interview, ApplicationStage.Offer],
            ApplicationStage.Hired => [ApplicationStage.Offer, ApplicationStage.Hired],
            ApplicationStage.Rejected => [ApplicationStage.Rejected],
            _ => [ApplicationStage.Screening],
        };
        foreach (var next in path)
        {
            application.MoveTo(next, Member, "Reason", Now.AddDays(1)).IsSuccess.ShouldBeTrue();
        }

        if (stage == ApplicationStage.Withdrawn)
        {
            application.Withdraw(Now.AddDays(1)).IsSuccess.ShouldBeTrue();
        }

        application.Stage.ShouldBe(stage);
        return application;
    }
}
