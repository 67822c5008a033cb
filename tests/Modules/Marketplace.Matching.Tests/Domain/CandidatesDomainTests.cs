using CsCheck;
using Marketplace.Matching.Application.Candidates;
using Marketplace.Matching.Domain.Candidates;

namespace Marketplace.Matching.Tests.Domain;

public sealed class CandidatesDomainTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 2, 9, 0, 0, TimeSpan.Zero);
    private static readonly CandidatePseudonyms Pseudonyms = new([.. Enumerable.Range(1, 32).Select(i => (byte)i)]);

    [Fact]
    public void A_key_turns_back_into_its_profile_on_its_posting_only()
    {
        Gen.Select(Gen.Guid, Gen.Guid, Gen.Guid).Sample((posting, other, profile) =>
        {
            var key = Pseudonyms.KeyOf(posting, profile);
            return key.Length == CandidatePseudonyms.KeyLength
                && key == Pseudonyms.KeyOf(posting, profile)
                && Pseudonyms.ProfileOf(posting, key) == profile
                && (posting == other || (Pseudonyms.KeyOf(other, profile) != key && Pseudonyms.ProfileOf(other, key) != profile));
        });
    }

    [Fact]
    public void Another_secret_gives_other_keys_and_anything_else_names_nobody()
    {
        var posting = Guid.NewGuid();
        var profile = Guid.NewGuid();
        var other = new CandidatePseudonyms([.. Enumerable.Range(100, 32).Select(i => (byte)i)]);
        other.KeyOf(posting, profile).ShouldNotBe(Pseudonyms.KeyOf(posting, profile));
        Pseudonyms.ProfileOf(posting, null).ShouldBeNull();
        Pseudonyms.ProfileOf(posting, "not a key").ShouldBeNull();
        Pseudonyms.ProfileOf(posting, new string('z', 32)).ShouldBeNull();
        CandidatePseudonyms.LabelOf(Pseudonyms.KeyOf(posting, profile)).ShouldMatch("^Candidate [0-9A-F]{4}$");
        Should.Throw<ArgumentException>(() => new CandidatePseudonyms(new byte[16]));
    }

    [Fact]
    public void A_request_is_answered_once_and_the_answer_stands()
    {
        var request = Send("  Hello  ").Value;
        request.Message.ShouldBe("Hello");
        request.RevealsSeeker.ShouldBeFalse();

        request.Accept(Now).IsSuccess.ShouldBeTrue();
        request.RevealsSeeker.ShouldBeTrue();
        request.Accept(Now.AddMinutes(1)).IsSuccess.ShouldBeTrue("accepting twice is a no-op");
        request.AnsweredAt.ShouldBe(Now);
        request.Decline(Now).FirstError.Code.ShouldBe("contact_request.answered");
        request.RevealsSeeker.ShouldBeTrue();

        var declined = Send(null).Value;
        declined.Message.ShouldBeNull();
        declined.Decline(Now).IsSuccess.ShouldBeTrue();
        declined.Accept(Now).IsFailure.ShouldBeTrue();
        declined.RevealsSeeker.ShouldBeFalse();
    }

    [Fact]
    public void A_message_over_the_limit_is_refused_naming_the_field()
    {
        var refused = Send(new string('x', ContactRequest.MaxMessageLength + 1));
        refused.IsFailure.ShouldBeTrue();
        refused.FirstError.Field.ShouldBe("Message");
        Send(new string('x', ContactRequest.MaxMessageLength)).IsSuccess.ShouldBeTrue();
    }

    [Fact]
    public void A_saved_ranking_keeps_only_what_the_posting_still_asks_for()
    {
        var saved = new SavedRanking(Guid.NewGuid(), new Dictionary<string, int> { ["csharp"] = 9, ["cobol"] = 4 }, ["csharp", "cobol", "csharp"], Guid.NewGuid(), Now);
        saved.Dealbreakers.ShouldBe(["csharp", "cobol"]);
        var (weights, dealbreakers) = saved.For(["csharp", "docker"], ["docker"]);
        weights.ShouldBe(new Dictionary<string, int> { ["csharp"] = 9 });
        dealbreakers.ShouldBeEmpty("csharp is not required any more");
        Should.Throw<ArgumentOutOfRangeException>(() => saved.Change(new Dictionary<string, int> { ["csharp"] = 11 }, [], Guid.NewGuid(), Now));
    }

    private static BuildingBlocks.Domain.Result<ContactRequest> Send(string? message) =>
        ContactRequest.Send(Guid.NewGuid(), Guid.NewGuid(), null, Guid.NewGuid(), Guid.NewGuid(), "Backend developer", "Quietbay", message, Now);
}
