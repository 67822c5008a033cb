using FluentValidation;
using Marketplace.BuildingBlocks.Domain;
using Marketplace.Jobs.Domain.Applications;
using Mediator;

namespace Marketplace.Jobs.Application.Applications.Notes;

/// <summary>A member of the posting's company writes a note on an applicant: shared with the company, never shown to the applicant.</summary>
public sealed record AddApplicantNote(Guid PostingId, Guid ApplicationId, string? Text) : ICommand<Result<NoteDto>>;

public sealed class AddApplicantNoteValidator : AbstractValidator<AddApplicantNote>
{
    public AddApplicantNoteValidator() =>
        RuleFor(c => c.Text).NotEmpty().MaximumLength(JobApplication.MaxNoteLength)
            .WithMessage($"A note has 1 to {JobApplication.MaxNoteLength:N0} characters.");
}

public sealed class AddApplicantNoteHandler(PipelineAccess access, IApplicationRepository applications, TimeProvider clock)
    : ICommandHandler<AddApplicantNote, Result<NoteDto>>
{
    public async ValueTask<Result<NoteDto>> Handle(AddApplicantNote command, CancellationToken cancellationToken)
    {
        var managed = await access.PostingAsync(command.PostingId, cancellationToken);
        if (managed.IsFailure)
        {
            return Result<NoteDto>.Failure(managed.Errors);
        }

        var application = await applications.GetForUpdateAsync(command.ApplicationId, null, cancellationToken);
        if (application is null || application.PostingId != command.PostingId)
        {
            return Error.NotFound("application", command.ApplicationId);
        }

        var added = application.AddNote(access.UserId!.Value, command.Text, clock.GetUtcNow());
        return added.IsSuccess ? new NoteDto(added.Value.Id, added.Value.At, added.Value.By, added.Value.Text) : Result<NoteDto>.Failure(added.Errors);
    }
}
