using Microsoft.Extensions.DependencyInjection;
using Steward.Governance.Assessments;
using Steward.Governance.Assessments.Templates;
using Steward.Governance.Decisions;
using Steward.Governance.Events;
using Steward.Governance.Identity;
using Steward.Governance.Inventory;
using Steward.Governance.Ledger;
using Steward.Governance.Lifecycle;
using Steward.Governance.Policies;
using Steward.Governance.RedTeam;
using Steward.Governance.Storage;
using Steward.Governance.Tickets;

namespace Steward.Governance;

/// <summary>Wires the governance domain into a host.</summary>
public static class GovernanceServiceCollectionExtensions
{
    /// <summary>Adds the store, the ledger and the domain stores. Call <see cref="GovernanceStartup.InitializeAsync"/> before serving.</summary>
    public static IServiceCollection AddStewardGovernance(this IServiceCollection services, StoreOptions store, LedgerOptions ledger)
    {
        services.AddSingleton(store);
        services.AddSingleton(ledger);
        services.AddSingleton(TimeProvider.System);
        services.AddSingleton(_ => DatabaseFactory.Create(store));
        services.AddSingleton<EventFactory>();
        services.AddSingleton(sp => new LedgerStore(sp.GetRequiredService<StewardDatabase>(), ledger));
        services.AddSingleton(sp => new LedgerReader(sp.GetRequiredService<StewardDatabase>(), ledger.ProofCacheLeaves));
        services.AddSingleton(sp => new CheckpointService(
            sp.GetRequiredService<StewardDatabase>(),
            LedgerSigningKey.LoadOrCreate(store.DataDirectory, ledger.Origin ?? LedgerOptions.DefaultOrigin()),
            sp.GetRequiredService<TimeProvider>()));
        services.AddSingleton<SystemStore>();
        services.AddSingleton<ModelStore>();
        services.AddSingleton<DatasetStore>();
        services.AddSingleton<DecisionStore>();
        services.AddSingleton<ApiKeyStore>();
        services.AddSingleton<ActorKeyStore>();
        services.AddSingleton<PolicyModuleStore>();
        services.AddSingleton<PolicyDataStore>();
        services.AddSingleton<PolicySnapshotReader>();
        services.AddSingleton<DecisionLogStore>();
        services.AddSingleton(TicketMirrorTargets.None);
        services.AddSingleton<IntakeTicketHook>();
        services.AddSingleton<ISystemHook>(sp => sp.GetRequiredService<IntakeTicketHook>());
        services.AddSingleton<IAssessmentApprovedHook>(sp => sp.GetRequiredService<IntakeTicketHook>());
        services.AddSingleton<IGateFactsSource, TicketGateFacts>();
        services.AddSingleton<TicketStore>();
        services.AddSingleton<TicketOutboxStore>();
        services.AddSingleton<TicketSyncStore>();
        services.AddSingleton<ExerciseStore>();
        services.AddSingleton<FindingStore>();
        services.AddSingleton<IGateFactsSource, FindingsGateFacts>();
        services.AddSingleton<GovernanceStartup>();
        services.AddOptions<AssessmentOptions>().BindConfiguration("Assessments");
        services.AddSingleton(sp => sp.GetRequiredService<Microsoft.Extensions.Options.IOptions<AssessmentOptions>>().Value);
        services.AddSingleton<TemplateCatalog>();
        services.AddSingleton<AssessmentStore>();
        services.AddSingleton<ISystemHook, AssessmentSystemHook>();
        services.AddSingleton<IGateFactsSource, AssessmentGateFacts>();
        services.AddSingleton<GatePolicyCache>();
        services.AddSingleton<StageHistory>();
        services.AddSingleton<IGateFactsSource, ModelGateFacts>();
        services.AddSingleton<IGateFactsSource, DatasetGateFacts>();
        services.AddSingleton<PiiScans.PiiScanStore>();
        services.AddSingleton<IGateFactsSource, PiiScans.PiiScanGateFacts>();
        services.AddSingleton<IDecisionPrecondition, PiiScans.CleanScanApprovalPrecondition>();
        services.AddSingleton<Monitors.MonitorStore>();
        services.AddSingleton<Monitors.MonitorDataStore>();
        services.AddSingleton<Monitors.MonitorLabelStore>();
        services.AddSingleton<Monitors.MonitorRunStore>();
        services.AddSingleton(sp => new GateEngine(sp.GetRequiredService<StewardDatabase>(), sp.GetRequiredService<LedgerStore>(),
            sp.GetRequiredService<EventFactory>(), sp.GetRequiredService<GatePolicyCache>(), sp.GetRequiredService<SystemStore>(),
            sp.GetServices<IGateFactsSource>(), sp.GetService<LifecycleOptions>()));
        return services;
    }
}
