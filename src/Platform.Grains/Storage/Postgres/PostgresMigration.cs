namespace Platform.Grains.Storage.Postgres;

/// <summary>One numbered step of the PostgreSQL schema: plain SQL, applied once, in its own transaction.</summary>
/// <param name="Version">The schema version the step brings the database to (1, 2, 3, ... without gaps).</param>
/// <param name="Description">What the step adds, kept in <c>schema_version</c>.</param>
/// <param name="Sql">The statements; never edited once released: a change is a new step.</param>
public sealed record PostgresMigration(int Version, string Description, string Sql);
