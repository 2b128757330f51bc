/** The exact command that installs or starts each tool, for this machine's OS and CPU. */
export interface FixContext {
  os: NodeJS.Platform
  arch: string
}

const goArch = (arch: string) => (arch === 'arm64' ? 'arm64' : 'amd64')

export function fixFor(tool: string, { os, arch }: FixContext): string {
  const mac = os === 'darwin'
  switch (tool) {
    case 'node':
      return mac ? 'brew install node@24' : 'install Node.js 24 (LTS): `nvm install` in the repository reads .nvmrc (https://github.com/nvm-sh/nvm), or https://nodejs.org/en/download'
    case 'npm':
      return 'npm comes with Node.js: reinstall Node.js 24 (LTS)'
    case 'docker':
      return mac ? 'brew install --cask docker   (Docker Desktop), then start it' : 'sudo apt-get install -y docker.io   (Debian/Ubuntu), then: sudo usermod -aG docker $USER and log in again'
    case 'docker-daemon':
      return mac ? 'start Docker Desktop' : 'sudo systemctl start docker   (permission denied? sudo usermod -aG docker $USER, then log in again)'
    case 'kubectl':
      return mac
        ? 'brew install kubectl'
        : `curl -LO "https://dl.k8s.io/release/$(curl -Ls https://dl.k8s.io/release/stable.txt)/bin/linux/${goArch(arch)}/kubectl" && sudo install kubectl /usr/local/bin/kubectl`
    case 'cluster':
      return mac
        ? 'brew install minikube'
        : `curl -LO https://storage.googleapis.com/minikube/releases/latest/minikube-linux-${goArch(arch)} && sudo install minikube-linux-${goArch(arch)} /usr/local/bin/minikube`
    case 'tilt':
      return mac ? 'brew install tilt' : 'curl -fsSL https://raw.githubusercontent.com/tilt-dev/tilt/master/scripts/install.sh | bash'
    case 'context':
      return 'minikube start --cpus=4 --memory=6g --container-runtime=docker   (or: kubectl config use-context <your local cluster>)'
    case 'cluster-reachable':
      return 'start the cluster (minikube start), then check: kubectl cluster-info'
    default:
      return ''
  }
}
