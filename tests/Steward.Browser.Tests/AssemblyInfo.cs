using Steward.Browser.Tests.Infrastructure;

[assembly: AssemblyFixture(typeof(DashboardFixture))]

// One browser, one seeded server: tests run one at a time so that the ledger they look at does not move under them.
[assembly: CollectionBehavior(DisableTestParallelization = true)]
