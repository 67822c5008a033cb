using FluentValidation;
using Marketplace.BuildingBlocks.Application;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Applications;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Pipeline;

public sealed record StageCountDto(string Stage, int Count);

/// <summary>
/// A posting's pipeline: how many applicants are at each stage, one page of them (optionally at one stage), and the
/// company's rejection reasons.
/// </summary>
public sealed record PipelineDto(
    PostingHeading Posting,
    string? Stage,
    string Sort,
    IReadOnlyList<StageCountDto> Stages,
    int Total,
    int Page,
    int PageSize,
    IReadOnlyList<ApplicantDto> Applicants,
    IReadOnlyList<RejectionReasonDto> RejectionReasons);

/// <summary>How a pipeline is ordered: by the match score kept when each applied (best first), or by when they applied.</summary>
public enum ApplicantOrder { Match, Date }

/// <summary>
/// The applicants to a posting, for the members of its company: best match first (the score of the match explanation the
/// application kept), or with <c>Sort = "Date"</c> in the order they applied.
/// </summary>
public sealed record ListApplicants(Guid PostingId, string? Stage = null, int Page = 1, int PageSize = 50, string? Sort = null) : IQuery<Result<PipelineDto>>;

public sealed class ListApplicantsValidator : AbstractValidator<ListApplicants>
{
    public ListApplicantsValidator()
    {
        RuleFor(q => q.Stage).IsEnumName(typeof(ApplicationStage), caseSensitive: false).When(q => !string.IsNullOrEmpty(q.Stage))
            .WithMessage($"Stage is one of: {string.Join(", ", Enum.GetNames<ApplicationStage>())}.");
        RuleFor(q => q.Sort).IsEnumName(typeof(ApplicantOrder), caseSensitive: false).When(q => !string.IsNullOrEmpty(q.Sort))
            .WithMessage($"Sort is one of: {string.Join(", ", Enum.GetNames<ApplicantOrder>())}.");
        RuleFor(q => q.Page).ValidPage();
        RuleFor(q => q.PageSize).ValidPageSize();
    }
}

public sealed class ListApplicantsHandler(PipelineAccess access, IApplicationRepository applications)
    : IQueryHandler<ListApplicants, Result<PipelineDto>>
{
    public async ValueTask<Result<PipelineDto>> Handle(ListApplicants query, CancellationToken cancellationToken)
    {
        var managed = await access.PostingAsync(query.PostingId, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<PipelineDto>.Failure(managed.Errors);
        }

        var posting = managed.Value;
        ApplicationStage? stage = string.IsNullOrEmpty(query.Stage) ? null : Enum.Parse<ApplicationStage>(query.Stage, ignoreCase: true);
        var counts = await applications.CountStagesAsync(posting.Id, cancellationToken);
        var order = string.IsNullOrEmpty(query.Sort) ? ApplicantOrder.Match : Enum.Parse<ApplicantOrder>(query.Sort, ignoreCase: true);
        var page = await applications.ListByPostingAsync(posting.Id, stage, order, Paging.Offset(query.Page, query.PageSize), query.PageSize, cancellationToken);
        var templates = await applications.FindTemplatesAsync(PipelineAccess.OwnerOf(posting), forUpdate: false, cancellationToken);
        return new PipelineDto(
            new PostingHeading(posting.Id, posting.Title, posting.Company, posting.Status.ToString()),
            stage?.ToString(),
            order.ToString(),
            [.. Enum.GetValues<ApplicationStage>().Select(s => new StageCountDto(s.ToString(), counts.GetValueOrDefault(s)))],
            stage is { } one ? counts.GetValueOrDefault(one) : counts.Values.Sum(),
            query.Page,
            query.PageSize,
            [.. page.Select(ApplicationViews.ForCompany)],
            templates is null ? ApplicationViews.DefaultReasons : ApplicationViews.Reasons(templates.Items));
    }
}

/// <summary>One applicant of a posting, whole (profile snapshot, cover note, CV text, history, the company's notes), for its company.</summary>
public sealed record GetApplicant(Guid PostingId, Guid ApplicationId) : IQuery<Result<ApplicantDto>>;

public sealed class GetApplicantHandler(PipelineAccess access, IApplicationRepository applications) : IQueryHandler<GetApplicant, Result<ApplicantDto>>
{
    public async ValueTask<Result<ApplicantDto>> Handle(GetApplicant query, CancellationToken cancellationToken)
    {
        var managed = await access.PostingAsync(query.PostingId, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<ApplicantDto>.Failure(managed.Errors);
        }

        var application = await applications.FindAsync(query.ApplicationId, cancellationToken);
        return application is null || application.PostingId != query.PostingId
            ? Error.NotFound("application", query.ApplicationId)
            : ApplicationViews.ForCompany(application);
    }
}
