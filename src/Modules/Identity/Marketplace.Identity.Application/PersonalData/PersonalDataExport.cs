using Marketplace.Identity.Contracts;

namespace Marketplace.Identity.Application.PersonalData;

/// <summary>Gathers what every module holds about a user, one section per module.</summary>
public sealed class PersonalDataExport(IEnumerable<IPersonalDataSource> sources)
{
    public async Task<IReadOnlyDictionary<string, object?>> ExportAsync(Guid userId, CancellationToken cancellationToken)
    {
        var document = new SortedDictionary<string, object?>(StringComparer.Ordinal);
        foreach (var source in sources)
        {
            document[source.Module] = await source.ExportAsync(userId, cancellationToken);
        }

        return document;
    }
}
