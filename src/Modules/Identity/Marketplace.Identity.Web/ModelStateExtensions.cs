using Marketplace.BuildingBlocks.Domain;
using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Marketplace.Identity.Web;

internal static class ModelStateExtensions
{
    /// <summary>Shows each error next to its field (prefixed with the bound model's name), or above the form.</summary>
    public static void AddErrors(this ModelStateDictionary modelState, Result result, string prefix = "Input")
    {
        foreach (var error in result.Errors)
        {
            modelState.AddModelError(error.Field is null ? string.Empty : prefix.Length == 0 ? error.Field : $"{prefix}.{error.Field}", error.Message);
        }
    }
}
