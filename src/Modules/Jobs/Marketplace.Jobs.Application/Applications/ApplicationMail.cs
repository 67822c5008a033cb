using Marketplace.BuildingBlocks.Application.Mail;
using Marketplace.Jobs.Domain.Applications;

namespace Marketplace.Jobs.Application.Applications;

/// <summary>What the applicant is told at each step: received, each stage the company moves them to, and their withdrawal.</summary>
public static class ApplicationMail
{
    public static MailMessage Received(string to, PostingHeading posting, string link) => new(
        to,
        $"Your application to {posting.Title} at {posting.Company}",
        [
            $"{posting.Company} has your application for {posting.Title}.",
            "We will write to you each time it moves. You can follow it, and withdraw it, on your applications page.",
        ],
        new MailAction("Follow your applications", link));

    public static MailMessage Moved(string to, PostingHeading posting, ApplicationStage stage, string? reason, string link)
    {
        var paragraphs = stage switch
        {
            ApplicationStage.Screening => new List<string> { $"{posting.Company} is reading your application for {posting.Title}." },
            ApplicationStage.Interview => [$"{posting.Company} would like to interview you for {posting.Title}. They will contact you to arrange it."],
            ApplicationStage.Offer => [$"{posting.Company} is making you an offer for {posting.Title}."],
            ApplicationStage.Hired => [$"Congratulations: {posting.Company} has hired you for {posting.Title}."],
            ApplicationStage.Rejected => [$"{posting.Company} will not take your application for {posting.Title} further."],
            _ => [$"Your application for {posting.Title} at {posting.Company} is back at the stage {stage}."],
        };
        if (reason is not null)
        {
            paragraphs.Add($"Their message: {reason}");
        }

        return new MailMessage(to, $"{posting.Title} at {posting.Company}: {stage.Describe()}", paragraphs, new MailAction("See your application", link));
    }

    public static MailMessage Withdrawn(string to, PostingHeading posting, string link) => new(
        to,
        $"You withdrew your application to {posting.Title}",
        [$"Your application for {posting.Title} at {posting.Company} is withdrawn; the company sees that you withdrew it."],
        new MailAction("Your applications", link),
        "If you did not do this, change your password and write to us.");
}
