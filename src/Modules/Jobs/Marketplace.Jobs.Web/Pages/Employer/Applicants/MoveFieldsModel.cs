using Marketplace.Jobs.Application.Applications;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Jobs.Web.Pages.Employer.Applicants;

/// <summary>What the move fields show: the stages to offer, the company's reasons and the errors of the last try.</summary>
public sealed record MoveFieldsModel(string Prefix, IReadOnlyList<string> Stages, IReadOnlyList<RejectionReasonDto> Reasons, string? StageError, string? ReasonError)
{
    public static MoveFieldsModel For(string prefix, IReadOnlyList<string> stages, IReadOnlyList<RejectionReasonDto> reasons, ModelStateDictionary state) =>
        new(prefix, stages, reasons, Error(state, "Move.Stage"), Error(state, "Move.Reason"));

    private static string? Error(ModelStateDictionary state, string key) =>
        state.TryGetValue(key, out var entry) && entry.Errors.Count > 0 ? entry.Errors[0].ErrorMessage : null;
}
