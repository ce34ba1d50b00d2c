using Steward.Governance.Errors;
using Steward.Governance.Inventory;

namespace Steward.Server.Dashboard.Audit;

/// <summary>Looks up display names of the inventory subjects on a page of entries (one query per distinct subject).</summary>
internal static class SubjectNames
{
    public static async Task<IReadOnlyDictionary<(string Kind, string Id), string>> LookUpAsync(
        IServiceProvider services, IEnumerable<(string Kind, string Id)> subjects, CancellationToken ct)
    {
        var names = new Dictionary<(string, string), string>();
        foreach (var (kind, id) in subjects.Distinct())
        {
            try
            {
                string? name = kind switch
                {
                    "system" => (await services.GetRequiredService<SystemStore>().GetAsync(id, ct)).Name,
                    "model" => (await services.GetRequiredService<ModelStore>().GetAsync(id, ct)).Name,
                    "dataset" => (await services.GetRequiredService<DatasetStore>().GetAsync(id, ct)).Name,
                    _ => null,
                };
                if (name is not null) names[(kind, id)] = name;
            }
            catch (NotFoundException)
            {
                // Shown by id.
            }
        }
        return names;
    }
}
