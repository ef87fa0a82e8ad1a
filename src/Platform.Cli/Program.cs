using Platform.Cli;
using Platform.Cli.Certificates;
using Platform.Cli.Gateway;
using Platform.Cli.Images;
using Platform.Cli.Jobs;
using Platform.Cli.Nodes;
using Platform.Cli.Notebooks;
using Platform.Cli.Secrets;
using Platform.Cli.Tokens;
using Spectre.Console;
using Spectre.Console.Cli;

var terminal = new Terminal();
var app = new CommandApp();
app.Configure(config =>
{
    config.SetApplicationName("platform");
    config.ConfigureConsole(terminal.Out);
    config.Settings.Registrar.RegisterInstance(terminal);
    config.SetExceptionHandler((exception, _) => Failures.Report(terminal, exception));
    config.AddBranch("job", job =>
    {
        job.SetDescription("Submit, watch and cancel training jobs.");
        job.AddCommand<SubmitCommand>("submit").WithDescription("Submit a job spec (YAML or JSON) and print its id.")
            .WithExample("job", "submit", "samples/hello-ps/job.yaml", "--follow");
        job.AddCommand<ListJobsCommand>("list").WithDescription("The jobs, newest first.");
        job.AddCommand<GetJobCommand>("get").WithDescription("A job and its tasks.");
        job.AddCommand<JobLogsCommand>("logs").WithDescription("A job's log lines as TASK | text.");
        job.AddCommand<CancelJobCommand>("cancel").WithDescription("Cancel a job: SIGTERM, the grace period, then kill.");
    });
    config.AddBranch("node", node =>
    {
        node.SetDescription("The nodes and their GPUs.");
        node.AddCommand<NodeListCommand>("list").WithDescription("The GPU map: every GPU slot and the task holding it.");
        node.AddCommand<NodeDrainCommand>("drain")
            .WithDescription("Admins: place nothing new on a node; its running tasks keep running until their jobs end.");
        node.AddCommand<NodeUndrainCommand>("undrain").WithDescription("Admins: let a drained node take new tasks again.");
    });
    config.AddBranch("image", image =>
    {
        image.SetDescription("The framework images jobs may run.");
        image.AddCommand<ImageListCommand>("list").WithDescription("The allowed framework images the nodes have: framework, version, size, nodes.");
    });
    config.AddBranch("token", token =>
    {
        token.SetDescription("API tokens: who may use the platform, with which role and teams (admins).");
        token.AddCommand<TokenCreateCommand>("create").WithDescription("Make an API token and print it (shown once).")
            .WithExample("token", "create", "--user", "ann", "--role", "member", "--team", "vision");
        token.AddCommand<TokenListCommand>("list").WithDescription("The API tokens, without their text.");
        token.AddCommand<TokenRevokeCommand>("revoke").WithDescription("Revoke an API token: it stops working at once.");
    });
    config.AddBranch("secret", secret =>
    {
        secret.SetDescription("Team secrets: values jobs get as environment variables (secretEnv), never shown again.");
        secret.AddCommand<SecretSetCommand>("set").WithDescription("Create or replace a secret of a team; the value from --value or stdin.")
            .WithExample("secret", "set", "vision", "db-password", "--value", "s3cret");
        secret.AddCommand<SecretListCommand>("list").WithDescription("The secrets of a team: names and dates, never values.");
        secret.AddCommand<SecretDeleteCommand>("delete").WithDescription("Remove a secret of a team.");
    });
    config.AddCommand<MeCommand>("me").WithDescription("Who the platform takes this CLI's token for: user, role, teams.");
    config.AddBranch("notebook", notebook =>
    {
        notebook.SetDescription("Jupyter notebooks on the platform's GPUs.");
        notebook.AddCommand<NotebookStartCommand>("start").WithDescription("Start a notebook, wait until it is ready, print its address and open it.")
            .WithExample("notebook", "start", "--gpus", "1", "--no-browser");
        notebook.AddCommand<NotebookListCommand>("list").WithDescription("The notebooks: state, GPUs, node, address, last activity.");
        notebook.AddCommand<NotebookStopCommand>("stop").WithDescription("Stop a notebook; its GPUs are freed.");
    });
    config.AddBranch("cert", cert =>
    {
        cert.SetDescription("Certificates of the platform's CA for the Orleans ports (local files, no network).");
        cert.AddCommand<CertInitCommand>("init").WithDescription("Make a new platform CA (ca.crt, ca.key) in a PKI directory; never overwrites one.")
            .WithExample("cert", "init", "--pki", "/etc/platform/pki");
        cert.AddCommand<CertIssueCommand>("issue").WithDescription("Issue a certificate for a new node from the platform's PKI directory.")
            .WithExample("cert", "issue", "--pki", "/var/lib/platform/pki", "--name", "gpu-7", "--out", "gpu-7.pfx");
    });
});

using var interrupted = new CancellationTokenSource();
Console.CancelKeyPress += (_, press) =>
{
    // The first Ctrl+C stops the command cleanly; a second one ends the process at once.
    press.Cancel = !interrupted.IsCancellationRequested;
    interrupted.Cancel();
};
return await app.RunAsync(args, interrupted.Token);
