// samples/hello-ps/job.yaml, the editor's starting text (a browser test checks the two agree).
export const sampleJob = `# A chief, two parameter servers and three workers say hello to each other through the injected
# TF_CONFIG. The job succeeds when the chief has seen every worker reach every ps.
name: hello-ps
image: platform/hello-ps:1.0
replicas:
  chief:
    count: 1
    resources: { cpus: 0.25, memoryMb: 256, gpus: 0 }
  ps:
    count: 2
    resources: { cpus: 0.25, memoryMb: 256, gpus: 0 }
  worker:
    count: 3
    resources: { cpus: 0.25, memoryMb: 256, gpus: 1 }
restartPolicy: Never
`;
