namespace Steward.Server.Dashboard.Inventory;

/// <summary>One tab of the inventory.</summary>
internal sealed record InventoryTab(string Label, string Path, string Singular, string Plural)
{
    public static readonly InventoryTab Systems = new("Systems", "/ui/inventory", "system", "systems");
    public static readonly InventoryTab Models = new("Models", "/ui/inventory/models", "model", "models");
    public static readonly InventoryTab Datasets = new("Datasets", "/ui/inventory/datasets", "dataset", "datasets");

    public static readonly IReadOnlyList<InventoryTab> All = [Systems, Models, Datasets];
}
