namespace Marketplace.Identity.Contracts;

/// <summary>
/// What a module holds about one user, for the "download my data" export (GDPR art. 15 and 20). Each module registers
/// one implementation; the identity module gathers them all into one JSON document.
/// </summary>
public interface IPersonalDataSource
{
    /// <summary>The key of this module's section in the export, e.g. "jobs".</summary>
    string Module { get; }

    /// <summary>A JSON-serializable snapshot of the user's data in this module, or null when it holds none.</summary>
    Task<object?> ExportAsync(Guid userId, CancellationToken cancellationToken);
}
