namespace Marketplace.Jobs.Domain.Applications;

/// <summary>
/// Where an application is. The company moves it through Applied, Screening, Interview and Offer (forward, or back when it
/// changes its mind) and ends it with Hired or Rejected; the applicant ends it with Withdrawn. The three ends are final.
/// </summary>
public enum ApplicationStage
{
    Applied,
    Screening,
    Interview,
    Offer,
    Hired,
    Rejected,
    Withdrawn,
}

public static class ApplicationStages
{
    /// <summary>The stages the company can move an application to, in the order the pipeline shows them.</summary>
    public static readonly IReadOnlyList<ApplicationStage> Pipeline =
        [ApplicationStage.Applied, ApplicationStage.Screening, ApplicationStage.Interview, ApplicationStage.Offer, ApplicationStage.Hired, ApplicationStage.Rejected];

    public static bool IsFinal(this ApplicationStage stage) => stage is ApplicationStage.Hired or ApplicationStage.Rejected or ApplicationStage.Withdrawn;

    /// <summary>
    /// Whether the company may move an application from one stage to another: from an open stage to any other open stage,
    /// to Rejected, or (from Offer only: nobody is hired without an offer) to Hired. Nothing leaves a final stage, and
    /// only the applicant withdraws.
    /// </summary>
    public static bool CompanyMayMove(ApplicationStage from, ApplicationStage to) =>
        !from.IsFinal() && from != to && to switch
        {
            ApplicationStage.Withdrawn => false,
            ApplicationStage.Hired => from == ApplicationStage.Offer,
            _ => true,
        };

    /// <summary>The words a seeker reads for a stage.</summary>
    public static string Describe(this ApplicationStage stage) => stage switch
    {
        ApplicationStage.Applied => "Applied: the company has your application",
        ApplicationStage.Screening => "Screening: the company is reading your application",
        ApplicationStage.Interview => "Interview: the company wants to talk to you",
        ApplicationStage.Offer => "Offer: the company is making you an offer",
        ApplicationStage.Hired => "Hired",
        ApplicationStage.Rejected => "Not selected",
        ApplicationStage.Withdrawn => "Withdrawn by you",
        _ => stage.ToString(),
    };
}
